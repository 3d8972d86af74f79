/* timeline page: draws the embedded figure, then filters its marks in the page.
 *
 * Data comes from two JSON script elements (never executed): #tl-figure (the plotly
 * figure) and #tl-index (per event row: lowercase search text and category code; lanes
 * with their y extent). A mark trace's customdata holds its event's row, so hiding a mark
 * means setting its x to NaN (null for plain arrays) and restyling the trace. Mark traces
 * without per-point customdata are faded while a filter is on. Labels are set with
 * textContent only: nothing from the data is parsed as HTML here.
 */
(function () {
  "use strict";

  var DTYPES = {
    f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
    i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array, u1c: Uint8ClampedArray
  };
  var MARK_ROLES = {
    instant: 1, instant_window: 1, span: 1, span_extent: 1, span_center: 1, span_open: 1,
    span_open_start: 1
  };
  var FADED = 0.12;

  function readJSON(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  var B64 = new Uint8Array(128);
  (function () {
    var letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (var i = 0; i < letters.length; i++) B64[letters.charCodeAt(i)] = i;
  })();

  function base64Bytes(text) {  // base64 -> bytes with a table (atob + charCodeAt is slower)
    var n = text.length, pad = text[n - 1] === "=" ? (text[n - 2] === "=" ? 2 : 1) : 0;
    var bytes = new Uint8Array((n * 3) / 4 - pad), at = 0, i, v;
    for (i = 0; i + 4 <= n; i += 4) {
      v = (B64[text.charCodeAt(i)] << 18) | (B64[text.charCodeAt(i + 1)] << 12) |
        (B64[text.charCodeAt(i + 2)] << 6) | B64[text.charCodeAt(i + 3)];
      bytes[at++] = v >> 16;
      if (at < bytes.length) bytes[at++] = (v >> 8) & 255;
      if (at < bytes.length) bytes[at++] = v & 255;
    }
    return bytes;
  }

  function decode(value) {
    if (!value || typeof value.bdata !== "string" || !DTYPES[value.dtype]) return value;
    if (value.shape && String(value.shape).indexOf(",") >= 0) return value;
    return new DTYPES[value.dtype](base64Bytes(value.bdata).buffer);
  }

  // --- the level-of-detail data: one gzip buffer of arrays (page_detail.page_payload) -----
  var B85 = new Uint8Array(128);

  function base85Bytes(text, size, alphabet) {  // page_detail.base85: 5 characters, 4 bytes
    for (var a = 0; a < alphabet.length; a++) B85[alphabet.charCodeAt(a)] = a;
    var groups = text.length / 5, bytes = new Uint8Array(groups * 4), i, at = 0, v;
    for (i = 0; i < text.length; i += 5) {
      v = B85[text.charCodeAt(i)] * 52200625 + B85[text.charCodeAt(i + 1)] * 614125 +
        B85[text.charCodeAt(i + 2)] * 7225 + B85[text.charCodeAt(i + 3)] * 85 +
        B85[text.charCodeAt(i + 4)];
      bytes[at++] = v >>> 24;
      bytes[at++] = (v >>> 16) & 255;
      bytes[at++] = (v >>> 8) & 255;
      bytes[at++] = v & 255;
    }
    return bytes.subarray(0, size);
  }

  function inflate(bytes) {
    var stream = new Blob([bytes]).stream()
      .pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).arrayBuffer();
  }

  function column(d, buffer) {  // a descriptor of page_detail.pack as an array
    if (d.strings !== undefined) {
      if (!d.strings) return [];
      return new TextDecoder().decode(new Uint8Array(buffer, d.at, d.bytes)).split("\u0000");
    }
    var raw = new DTYPES[d.dtype](buffer, d.at, d.n);
    if (!d.delta && d.scale === undefined) return raw;
    var out = d.scale === undefined ? new Float64Array(d.n) : new Float64Array(d.n);
    var sum = 0, scale = d.scale === undefined ? 1 : d.scale, offset = d.offset || 0, i;
    if (d.delta) {
      for (i = 0; i < d.n; i++) { sum += raw[i]; out[i] = offset + scale * sum; }
    } else {
      for (i = 0; i < d.n; i++) out[i] = offset + scale * raw[i];
    }
    return out;
  }

  function unpackWith(value, buffer) {
    if (Array.isArray(value)) return value.map(function (v) { return unpackWith(v, buffer); });
    if (!value || typeof value !== "object") return value;
    if (value.at !== undefined && (value.dtype !== undefined || value.strings !== undefined)) {
      return column(value, buffer);
    }
    var out = {};
    Object.keys(value).forEach(function (key) { out[key] = unpackWith(value[key], buffer); });
    return out;
  }

  function unpack(data) {
    if (typeof data.blob85 !== "string") return Promise.resolve(data);
    var bytes = base85Bytes(data.blob85, data.blobBytes, data.alphabet);
    delete data.blob85;
    return inflate(bytes).then(function (buffer) { return unpackWith(data, buffer); });
  }

  function isNumber(value) {
    return typeof value === "number" && value === value;
  }

  function readFigure() {  // a big page's figure JSON is gzip-compressed (page_detail)
    var figure = readJSON("tl-figure");
    if (typeof figure.packed !== "string") return Promise.resolve(figure);
    var bytes = base85Bytes(figure.packed, figure.bytes, figure.alphabet);
    return inflate(bytes).then(function (buffer) {
      return JSON.parse(new TextDecoder().decode(new Uint8Array(buffer)));
    });
  }

  readFigure().then(main);

  function main(figure) {
    var index = readJSON("tl-index");
    var lodElement = document.getElementById("tl-lod");
    var isLod = !!(lodElement && window.timelineLOD);
    var lod = null;  // set once its data is inflated
    var lodData = isLod ? unpack(readJSON("tl-lod")) : Promise.resolve(null);
    var gd = document.getElementById("tl-plot");
    var search = document.getElementById("tl-search");
    var status = document.getElementById("tl-status");
    var reset = document.getElementById("tl-reset");

    figure.data.forEach(function (trace) {
      ["x", "y", "customdata"].forEach(function (key) {
        if (trace[key]) trace[key] = decode(trace[key]);
      });
    });

    function laneOf(y) {
      var edges = index.laneEdges;
      for (var k = 0; k < edges.length; k++) {
        if (y >= edges[k][0] && y < edges[k][1]) return k;
      }
      return -1;
    }

    var marks = [];
    var unlinked = [];
    if (!isLod) figure.data.forEach(function (trace, i) {
      var n = trace.x ? trace.x.length : 0;
      var rows = trace.customdata;
      if (n && rows && rows.length === n && isNumber(rows[0])) {
        var lanes = null;
        if (index.laneEdges.length && trace.y && trace.y.length === n) {
          lanes = new Int16Array(n);
          for (var j = 0; j < n; j++) lanes[j] = isNumber(trace.y[j]) ? laneOf(trace.y[j]) : -1;
        }
        marks.push({ trace: i, x: trace.x, rows: rows, lanes: lanes });
      } else if (trace.meta && MARK_ROLES[trace.meta.role]) {
        unlinked.push({ trace: i, opacity: trace.opacity == null ? 1 : trace.opacity });
      }
    });

    var axisTypes = {};
    Object.keys(figure.layout).forEach(function (key) {
      var axis = figure.layout[key];
      if (/^[xy]axis\d*$/.test(key) && axis && axis.type) axisTypes[key + ".type"] = axis.type;
    });

    // Restyling x makes plotly guess axis types (and so ranges) again: keep what we had.
    function keptAxes() {
      var kept = {};
      Object.keys(axisTypes).forEach(function (key) {
        var name = key.split(".")[0];
        var axis = gd.layout[name];
        kept[key] = axisTypes[key];
        if (axis && axis.range && axis.autorange !== true) {
          kept[name + ".range"] = axis.range.slice();
          kept[name + ".autorange"] = false;
        }
      });
      return kept;
    }

    var laneOn = index.lanes.map(function () { return true; });
    var categoryOn = index.categories.map(function () { return true; });

    function toggles(containerId, names, state, counts) {
      var box = document.getElementById(containerId);
      if (!box || names.length < 2) return;
      box.hidden = false;
      names.forEach(function (name, k) {
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = "checkbox";
        input.checked = true;
        input.value = String(k);
        input.addEventListener("change", function () {
          state[k] = input.checked;
          apply();
        });
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + name + (counts ? " (" + counts[k] + ")" : "")));
        box.appendChild(label);
      });
    }

    function categoryCounts() {
      var counts = index.categories.map(function () { return 0; });
      index.category.forEach(function (code) { if (code >= 0) counts[code] += 1; });
      return counts;
    }

    function words() {
      if (!search) return [];
      return search.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    }

    function eventMask(terms) {
      var useCategory = categoryOn.some(function (on) { return !on; });
      if (!terms.length && !useCategory) return null;
      var ok = new Uint8Array(index.events);
      for (var r = 0; r < index.events; r++) {
        var keep = true;
        if (useCategory && index.category.length) {
          var code = index.category[r];
          keep = code < 0 || categoryOn[code];
        }
        if (keep && terms.length && index.texts) {
          var text = index.texts(r);
          for (var w = 0; w < terms.length && keep; w++) keep = text.indexOf(terms[w]) >= 0;
        }
        ok[r] = keep ? 1 : 0;
      }
      return ok;
    }

    var pending = null;

    var filtered = false;  // are some marks hidden right now?

    // --- level of detail: the lanes are drawn again for every x range ---------------------
    var currentOk = null;
    var queued = false;

    function xRange() {
      var axis = gd._fullLayout && gd._fullLayout.xaxis;
      if (axis && axis.range && axis.r2l) return [axis.r2l(axis.range[0]), axis.r2l(axis.range[1])];
      return figure.layout.xaxis.range.map(Number);
    }

    function yReversed() {
      var range = figure.layout.yaxis && figure.layout.yaxis.range;
      return !!(range && range[0] > range[1]);
    }

    function withImages(layout, images) {  // the density strips are layout images
      var others = (layout.images || []).filter(function (im) {
        return !(im.name && String(im.name).indexOf("tl-density-") === 0);
      });
      return Object.assign({}, layout, { images: others.concat(images) });
    }

    function lodMark(v) {
      gd.setAttribute("data-shown-marks", String(v.shownMarks));
      gd.setAttribute("data-density-lanes", String(v.denseLanes));
      gd.setAttribute("data-lod-level", String(v.level));
    }

    function lodDraw() {
      var range = xRange();
      var v = lod.view(range[0], range[1], currentOk, laneOn, false, yReversed());
      var data = gd.data.slice();
      v.strips.forEach(function (props, k) {
        var at = lod.firstTrace + k;
        data[at] = Object.assign({}, data[at], props);
      });
      v.traces.forEach(function (t) { data[t.trace] = Object.assign({}, data[t.trace], t.props); });
      lodMark(v);
      return Plotly.react(gd, data, withImages(gd.layout, v.images));
    }

    function lodSchedule() {  // a burst of zooms draws once, with the latest range
      if (queued) return;
      queued = true;
      requestAnimationFrame(function () {
        queued = false;
        lodDraw();
      });
    }

    var lodDrawn = false;

    function lodApply() {
      var ok = eventMask(words());
      var lanesOff = laneOn.some(function (on) { return !on; });
      currentOk = ok;
      // the page opens with the figure of the full view already drawn: no second draw
      var first = !lodDrawn && ok === null && !lanesOff;
      lodDrawn = true;
      var drawn = first ? Promise.resolve() : lodDraw();
      return drawn.then(function () {
        var total = index.drawn;
        var filtering = ok !== null || lanesOff;
        var shown = filtering ? lod.shownEvents(ok, laneOn) : total;
        status.textContent = filtering
          ? "Showing " + shown + " of " + total + " events"
          : "Showing all " + total + " events";
        gd.setAttribute("data-shown-events", String(shown));
      });
    }

    function apply() {
      if (lod) return lodApply();
      var terms = words();
      var ok = eventMask(terms);
      var lanesOff = laneOn.some(function (on) { return !on; });
      var filtering = ok !== null || lanesOff;
      var shownRows = new Uint8Array(Math.max(index.events, 1));
      var xs = [];
      var shownMarks = 0;
      marks.forEach(function (mark) {
        var x = mark.x;
        var typed = x instanceof Float32Array || x instanceof Float64Array;
        var out = !filtering ? x : typed ? new x.constructor(x) : Array.prototype.slice.call(x);
        var hidden = typed ? NaN : null;
        for (var j = 0; j < x.length; j++) {
          var row = mark.rows[j];
          var keep = ok === null || ok[row] === 1;
          if (keep && lanesOff && mark.lanes && mark.lanes[j] >= 0) keep = laneOn[mark.lanes[j]];
          if (!keep) {
            out[j] = hidden;
          } else if (x[j] !== null && x[j] === x[j]) {
            shownRows[row] = 1;
            shownMarks += 1;
          }
        }
        xs.push(out);
      });
      var shownEvents = 0;
      for (var r = 0; r < shownRows.length; r++) shownEvents += shownRows[r];
      var updates = [];
      if (filtering || filtered) {
        if (marks.length) {
          updates.push(Plotly.update(
            gd, { x: xs }, keptAxes(), marks.map(function (m) { return m.trace; })
          ));
        }
        if (unlinked.length) {
          updates.push(Plotly.restyle(
            gd,
            { opacity: unlinked.map(function (u) { return filtering ? FADED : u.opacity; }) },
            unlinked.map(function (u) { return u.trace; })
          ));
        }
      }
      filtered = filtering;
      return Promise.all(updates).then(function () {
        var total = index.drawn;
        status.textContent = filtering
          ? "Showing " + shownEvents + " of " + total + " events"
          : "Showing all " + total + " events";
        gd.setAttribute("data-shown-events", String(filtering ? shownEvents : total));
        gd.setAttribute("data-shown-marks", String(shownMarks));
      });
    }

    function schedule() {
      if (pending !== null) clearTimeout(pending);
      pending = setTimeout(function () {
        pending = null;
        apply();
      }, 120);
    }

    function searchTexts(data) {  // the lowercase title, a newline, the rest (made once)
      var titles = data.titles, rest = data.search && data.search.rest, made = null;
      return function (r) {
        if (made === null) {
          made = new Array(titles.length);
          for (var k = 0; k < titles.length; k++) {
            made[k] = titles[k].toLowerCase() + "\n" + (rest ? rest[k] : "");
          }
        }
        return made[r] || "";
      };
    }

    if (index.texts && !index.textsInDetail) {
      var plainTexts = index.texts;
      index.texts = function (r) { return plainTexts[r] || ""; };
    }

    function firstView(data) {
      // the page's first view: its strips (images and hover points) are made here, before
      // plotly draws anything, so the figure is drawn once; its marks come from Python
      if (!data) return;
      lod = window.timelineLOD(data, decode);
      var range = xRange();
      var v = lod.view(range[0], range[1], null, laneOn, false, yReversed());
      v.strips.forEach(function (props, k) {
        var at = lod.firstTrace + k;
        figure.data[at] = Object.assign({}, figure.data[at], props);
      });
      figure.layout = withImages(figure.layout, v.images);
      lodMark(v);
    }

    lodData.then(function (data) {
      firstView(data);
      return Plotly.newPlot(gd, figure.data, figure.layout, figure.config).then(function () {
        return data;
      });
    }).then(function (data) {
      if (data) {
        if (index.textsInDetail) index.texts = searchTexts(data);
        if (index.categoryInDetail) {
          index.category = Array.prototype.map.call(data.search.category, function (c) { return c - 1; });
        }
      }
      if (lod) {
        gd.tlLevelOfDetail = lod;  // for tests and benchmarks
        gd.on("plotly_relayout", function (change) {
          var keys = Object.keys(change || {});
          if (keys.some(function (key) { return key.indexOf("xaxis.range") === 0 || key === "xaxis.autorange"; })) {
            lodSchedule();
          }
        });
      }
      if (!marks.length && !lod) {  // not a timeline figure: nothing to filter
        document.querySelector(".tl-controls").hidden = true;
        return null;
      }
      toggles("tl-lanes", index.lanes, laneOn, null);
      toggles("tl-categories", index.categories, categoryOn, categoryCounts());
      if (search) {
        if (index.texts) {
          search.addEventListener("input", schedule);
          search.addEventListener("search", schedule);
        } else {
          search.disabled = true;
          search.placeholder = "search needs the events (this page was made from a figure)";
        }
      }
      if (reset) {
        reset.addEventListener("click", function () {
          if (search) search.value = "";
          laneOn.forEach(function (_, k) { laneOn[k] = true; });
          categoryOn.forEach(function (_, k) { categoryOn[k] = true; });
          document.querySelectorAll(".tl-toggles input").forEach(function (input) {
            input.checked = true;
          });
          apply();
        });
      }
      return apply();
    }).then(function () {
      if (window.performance && performance.mark) performance.mark("tl-ready");
      document.body.setAttribute("data-tl-ready", "1");
    });
  }
})();
