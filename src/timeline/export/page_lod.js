/* timeline page: level of detail (see timeline/export/page_detail.py for the data).
 *
 * window.timelineLOD(data, decode) returns view(lo, hi, ok, laneOn, countsOnly, reversed):
 * for the x range [lo, hi] (epoch ms), the filter ok (a Uint8Array over event rows, or
 * null) and the lane toggles, which lanes draw their density (the mark budget, as in
 * Python), the strips of those lanes (sliced from one level of the pyramid: sums of the
 * finest buckets) and, for every mark trace, the points of the marks in view of the other
 * lanes. A strip is painted as a layout image (one pixel column per bucket, shaded by
 * log2 of its count on the lane's ramp: one event is the lightest shade, never blank),
 * not as a heatmap trace (which costs hundreds of ms on every zoom); its hover is one
 * invisible point per non-empty bucket of the lane's strip trace. Under a filter the
 * finest level is counted again from the marks of the matching events (once per filter).
 * Hover text is built from escaped titles and category names only.
 */
(function () {
  "use strict";

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var DAY = 86400000;
  var EXAMPLES = 3;
  var TOP = 3;
  var EMPTY_STRIP = { x: [], y: [], hovertext: [] };

  function day(ms) {
    var d = new Date(ms);
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function two(n) { return n < 10 ? "0" + n : String(n); }

  function clock(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + "-" + two(d.getUTCMonth() + 1) + "-" + two(d.getUTCDate()) +
      " " + two(d.getUTCHours()) + ":" + two(d.getUTCMinutes());
  }

  function bucketDates(a, b) {
    if (b - a >= DAY) {
      var first = day(a), last = day(b - DAY);
      return first === last ? first : first + " – " + last;
    }
    return clock(a) + " – " + clock(b).slice(11);
  }

  function fmt(n) {  // 12,345 (toLocaleString is slow in bulk)
    var text = String(n);
    for (var at = text.length - 3; at > 0; at -= 3) text = text.slice(0, at) + "," + text.slice(at);
    return text;
  }

  var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" };

  function escapeText(text) {  // as timeline.text.escape_text: the data never becomes markup
    return String(text).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }

  function truncate(text, limit) {  // as timeline.text.truncate
    return text.length <= limit ? text : text.slice(0, Math.max(limit - 1, 0)) + "\u2026";
  }

  function lowerBound(values, from, to, target) {  // first index in [from, to) >= target
    while (from < to) {
      var mid = (from + to) >>> 1;
      if (values[mid] < target) from = mid + 1; else to = mid;
    }
    return from;
  }

  window.timelineLOD = function (data, decode) {
    var P = data.pyramid, M = data.marks;
    var L = data.lanes.length, B = P.buckets, N = M.count;
    var top = Math.round(Math.log(B) / Math.LN2);
    var base = { counts: decode(P.counts), starts: decode(P.spanStarts), active: decode(P.active) };
    var lane = decode(M.lane), row = decode(M.row), span = decode(M.span);
    var anchor = decode(M.anchor), before = decode(M.beforeAnchor), after = decode(M.afterAnchor);
    var first = new Int32Array(N), last = new Int32Array(N);
    for (var q = 0; q < N; q++) { first[q] = anchor[q] - before[q]; last[q] = anchor[q] + after[q]; }
    var rawTitles = data.titles, markY = M.y ? decode(M.y) : null;
    var shownTitles = rawTitles ? new Array(rawTitles.length) : null;
    function title(r) {  // escaped and shortened, made when first shown
      var text = shownTitles[r];
      if (text === undefined) {
        text = escapeText(truncate(rawTitles[r], data.exampleLimit));
        shownTitles[r] = text;
      }
      return text;
    }
    var titles = rawTitles ? { get: title } : null;
    var cats = data.categories;
    var catCodes = cats ? decode(cats.codes) : null;
    // column kinds: 0 values, 1 missing, 2 event row, 3 mark y, 4 same as column c.same
    var traces = data.traces.map(function (t) {
      var columns = {};
      Object.keys(t.columns).forEach(function (key) {
        columns[key] = t.columns[key].map(function (c) {
          if (c.nan) return { kind: 1 };
          if (c.same !== undefined) return { kind: 4, same: c.same };
          if (c.rows) return { kind: 2 };
          if (c.markY) return { kind: 3 };
          return { kind: 0, values: decode(c.values) };
        });
      });
      return { trace: t.trace, repeat: t.repeat, marks: decode(t.marks), columns: columns,
               titleTemplate: t.titleTemplate };
    });
    var cached = { ok: null, fine: base };
    // per lane: how far a mark reaches before and after its anchor (in buckets), so a
    // window's marks are found by binary search on the anchors; and the lane's category
    // when all its marks have one (its buckets' top category is then their count)
    var reachBefore = new Int32Array(L), reachAfter = new Int32Array(L);
    var laneCat = new Int32Array(L).fill(-2);
    for (q = 0; q < N; q++) {
      var kq = lane[q];
      if (before[q] > reachBefore[kq]) reachBefore[kq] = before[q];
      if (after[q] > reachAfter[kq]) reachAfter[kq] = after[q];
      if (catCodes) {
        var cq = catCodes[row[q]];
        laneCat[kq] = laneCat[kq] === -2 || laneCat[kq] === cq ? cq : -1;
      }
    }

    function kept(j, ok, laneOn) {
      return (ok === null || ok[row[j]] === 1) && laneOn[lane[j]] !== false;
    }

    function fineFor(ok) {
      if (ok === null) return base;
      if (cached.ok === ok) return cached.fine;
      var size = L * B;
      var counts = new Int32Array(size), starts = new Int32Array(size);
      var delta = new Int32Array(size + 1);
      for (var j = 0; j < N; j++) {
        if (ok[row[j]] !== 1) continue;
        var cell = lane[j] * B;
        counts[cell + anchor[j]] += 1;
        if (span[j]) {
          starts[cell + anchor[j]] += 1;
          delta[cell + first[j] + 1] += 1;
          delta[cell + last[j] + 1] -= 1;
        }
      }
      var active = new Int32Array(size), sum = 0;
      for (var c = 0; c < size; c++) { sum += delta[c]; active[c] = sum; }
      cached = { ok: ok, fine: { counts: counts, starts: starts, active: active } };
      return cached.fine;
    }

    function bucketOf(ms) {
      var b = Math.floor((ms - P.origin) / P.width);
      return b < 0 ? 0 : b >= B ? B - 1 : b;
    }

    function denseLanes(perLane) {
      var dense = [], rest = 0;
      for (var k = 0; k < L; k++) {
        dense.push(perLane[k] > data.budget);
        if (!dense[k]) rest += perLane[k];
      }
      if (rest > data.total) {
        var order = [];
        for (k = 0; k < L; k++) order.push(k);
        order.sort(function (a, b) { return perLane[b] - perLane[a] || a - b; });
        for (var q = 0; q < order.length && rest > data.total; q++) {
          if (dense[order[q]]) continue;
          dense[order[q]] = true;
          rest -= perLane[order[q]];
        }
      }
      return dense;
    }

    function markArrays(t, keep, ranges) {  // ranges: [from, to) of marks that may be kept
      var marks = t.marks, repeat = t.repeat, n = 0, j, r, k, q2;
      var spans = ranges.map(function (range) {
        return [lowerBound(marks, 0, marks.length, range[0]),
                lowerBound(marks, 0, marks.length, range[1])];
      });
      spans.forEach(function (s2) { for (j = s2[0]; j < s2[1]; j++) if (keep[marks[j]]) n += 1; });
      if (n === 0 && t.empty) return t.empty;  // the same arrays: plotly sees no change
      var out = {};
      Object.keys(t.columns).forEach(function (key) {
        var cols = t.columns[key];
        var text = cols.some(function (c) { return c.kind === 0 && !ArrayBuffer.isView(c.values); });
        var dst = text ? new Array(n * repeat) : new Float64Array(n * repeat);
        var at = 0;
        for (q2 = 0; q2 < spans.length; q2++) {
          for (j = spans[q2][0]; j < spans[q2][1]; j++) {
            var mark = marks[j];
            if (!keep[mark]) continue;
            for (r = 0; r < repeat; r++) {
              var c = cols[r];
              dst[at + r] = c.kind === 0 ? c.values[j] : c.kind === 1 ? NaN
                : c.kind === 2 ? row[mark] : c.kind === 3 ? markY[mark] : dst[at + c.same];
            }
            at += repeat;
          }
        }
        out[key] = dst;
      });
      if (t.titleTemplate && out.customdata) {
        var hover = new Array(out.customdata.length);
        for (k = 0; k < hover.length; k++) {
          var rr = out.customdata[k];
          hover[k] = titles ? titles.get(rr) : "row " + rr;
        }
        out.hovertext = hover;
        out.hovertemplate = t.titleTemplate;
      }
      if (n === 0) t.empty = out;
      return out;
    }

    function strip(k, lo, hi, fine, ok, laneOn) {
      var need = (hi - lo) / (P.width * Math.max(Math.floor(data.plotPx / data.bucketPx) - 1, 1));
      var level = need > 1 ? Math.ceil(Math.log(need) / Math.LN2) : 0;
      level = Math.max(0, Math.min(top, level));
      var g = Math.pow(2, level), w = P.width * g, nb = B / g;
      var f = Math.max(0, Math.min(nb, Math.floor((lo - P.origin) / w)));
      var l = Math.max(f, Math.min(nb, Math.ceil((hi - P.origin) / w)));
      var count = l - f, base0 = k * B;
      var counts = new Int32Array(count), cover = new Int32Array(count);
      for (var i = 0; i < count; i++) {
        var b0 = (f + i) * g, c = 0, s = 0;
        for (var b = b0; b < b0 + g; b++) { c += fine.counts[base0 + b]; s += fine.starts[base0 + b]; }
        counts[i] = c;
        cover[i] = s + fine.active[base0 + b0];
      }
      // examples (the first kept marks of each bucket, found by binary search) and top
      // categories (counted from the lane's kept marks unless the lane has one category)
      var examples = [], catCount = null, ncat = cats ? cats.names.length : 0;
      var run0 = M.laneStart[k], run1 = M.laneStart[k + 1], j;
      for (i = 0; i < count; i++) {
        var shown = [];
        if (titles && counts[i] > 0) {
          var cellEnd = (f + i + 1) * g;
          for (j = lowerBound(anchor, run0, run1, (f + i) * g);
               j < run1 && anchor[j] < cellEnd && shown.length < EXAMPLES; j++) {
            if (kept(j, ok, laneOn)) shown.push(titles.get(row[j]));
          }
        }
        examples.push(shown);
      }
      var oneCat = laneCat[k] >= 0 ? laneCat[k] : -1;
      if (ncat && oneCat < 0 && count * ncat <= 4000000) {
        catCount = new Int32Array(count * ncat);
        var from = lowerBound(anchor, run0, run1, f * g), to = lowerBound(anchor, run0, run1, l * g);
        for (j = from; j < to; j++) {
          if (!kept(j, ok, laneOn)) continue;
          catCount[(Math.floor(anchor[j] / g) - f) * ncat + catCodes[row[j]]] += 1;
        }
      }
      var edges = new Float64Array(count + 1);
      for (i = 0; i <= count; i++) edges[i] = P.origin + (f + i) * w;
      var hx = [], hy = [], ht = [], peak = 0;
      var y0 = data.laneTop[k], h = data.laneHeight[k], spans = data.laneSpans[k];
      var countY = spans ? y0 + 0.5 * data.countShare * h : y0 + 0.5 * h;
      var coverY = y0 + 0.5 * (1 + data.countShare) * h;
      for (i = 0; i < count; i++) {
        var n = counts[i];
        peak = Math.max(peak, n, cover[i]);
        if (n === 0 && !(spans && cover[i] > 0)) continue;
        var dates = bucketDates(edges[i], edges[i + 1]);
        var middle = 0.5 * (edges[i] + edges[i + 1]);
        if (n > 0) {
          var text = "<b>" + fmt(n) + (n === 1 ? " event" : " events") + "</b> start here<br>" + dates;
          if (ncat && oneCat >= 0) {
            text += "<br>top: " + cats.names[oneCat] + " (" + fmt(n) + ")";
          } else if (catCount) {
            var best = [];
            for (var q = 0; q < ncat; q++) {
              var v = catCount[i * ncat + q];
              if (v > 0) best.push([v, q]);
            }
            best.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
            if (best.length) {
              text += "<br>top: " + best.slice(0, TOP).map(function (p) {
                return cats.names[p[1]] + " (" + fmt(p[0]) + ")";
              }).join(", ");
            }
          }
          if (examples[i].length) {
            text += "<br>e.g. " + examples[i].join("<br>");
            if (n > examples[i].length) text += "<br>and " + fmt(n - examples[i].length) + " more";
          }
          hx.push(middle); hy.push(countY); ht.push(text);
        }
        if (spans && cover[i] > 0) {
          hx.push(middle); hy.push(coverY);
          ht.push("<b>" + fmt(cover[i]) + (cover[i] === 1 ? " span" : " spans") +
            "</b> under way<br>" + dates);
        }
      }
      return { props: { x: hx, y: hy, hovertext: ht }, peak: peak, level: level,
               counts: counts, cover: cover, edges: edges, lane: k };
    }

    // --- painting: a strip is a small image (one pixel column per bucket) -----------------
    var COUNT_ROWS = 16, COVER_ROWS = 9;  // a lane with spans: counts above, spans under way
    var canvas = null;
    var lut = data.colorscales.map(function (scale) {  // 256 shades of the lane's ramp
      function rgb(hex) {
        var v = parseInt(String(hex).slice(1), 16);
        return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
      }
      var a = rgb(scale[0][1]), b = rgb(scale[scale.length - 1][1]);
      var table = new Uint8Array(256 * 3);
      for (var s = 0; s < 256; s++) {
        for (var c = 0; c < 3; c++) table[s * 3 + c] = Math.round(a[c] + (b[c] - a[c]) * s / 255);
      }
      return table;
    });

    function shade(values, zmax, out, width, row0, rows, table) {
      for (var i = 0; i < values.length; i++) {
        var n = values[i];
        if (n <= 0) continue;  // empty: transparent
        // log2 of the count on the ramp: one event is the lightest shade, still visible
        var s = Math.min(255, Math.round(255 * (Math.log(n) / Math.LN2) / zmax)) * 3;
        for (var r = row0; r < row0 + rows; r++) {
          var at = (r * width + i) * 4;
          out[at] = table[s]; out[at + 1] = table[s + 1]; out[at + 2] = table[s + 2];
          out[at + 3] = 255;
        }
      }
    }

    function paint(s, zmax, reversed) {
      var k = s.lane, width = Math.max(s.counts.length, 1), spans = data.laneSpans[k];
      var height = spans ? COUNT_ROWS + COVER_ROWS : 1;
      if (canvas === null) canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      // a canvas the CPU paints (a GPU one makes toDataURL read back: tens of ms each)
      var context = canvas.getContext("2d", { willReadFrequently: true });
      var image = context.createImageData(width, height);
      var table = lut[k];
      // rows top to bottom on screen: with the y axis reversed (first lane on top) the
      // counts row (y0 .. y0 + countShare * h) is the upper one
      if (spans) {
        shade(s.counts, zmax, image.data, width, reversed ? 0 : COVER_ROWS, COUNT_ROWS, table);
        shade(s.cover, zmax, image.data, width, reversed ? COUNT_ROWS : 0, COVER_ROWS, table);
      } else {
        shade(s.counts, zmax, image.data, width, 0, 1, table);
      }
      context.putImageData(image, 0, 0);
      var y0 = data.laneTop[k], h = data.laneHeight[k];
      return {
        name: "tl-density-" + k, source: canvas.toDataURL("image/png"),
        xref: "x", yref: "y", x: s.edges[0], sizex: s.edges[s.edges.length - 1] - s.edges[0],
        y: reversed ? y0 : y0 + h, sizey: h, xanchor: "left", yanchor: "top",
        sizing: "stretch", layer: "below", opacity: 1
      };
    }

    function view(lo, hi, ok, laneOn, countsOnly, reversed) {
      var bLo = bucketOf(lo), bHi = bucketOf(hi);
      var fine = fineFor(ok);
      var perLane = new Int32Array(L), keep = new Uint8Array(N), j, k, b;
      var scanned = [];
      for (k = 0; k < L; k++) {
        if (laneOn[k] === false) continue;
        // the marks anchored in the window are in view: past the budget, the lane is dense
        var sure = 0;
        for (b = bLo; b <= bHi; b++) sure += fine.counts[k * B + b];
        if (sure > data.budget) { perLane[k] = sure; continue; }
        var run0 = M.laneStart[k], run1 = M.laneStart[k + 1];
        var from = lowerBound(anchor, run0, run1, bLo - reachAfter[k]);
        var to = lowerBound(anchor, run0, run1, bHi + reachBefore[k] + 1);
        for (j = from; j < to; j++) {
          if (last[j] < bLo || first[j] > bHi || !kept(j, ok, laneOn)) continue;
          keep[j] = 1;
          perLane[k] += 1;
        }
        scanned.push([k, from, to]);
      }
      var dense = denseLanes(perLane);
      var shown = 0, ranges = [];
      scanned.forEach(function (range) {
        if (dense[range[0]]) {
          for (j = range[1]; j < range[2]; j++) keep[j] = 0;
        } else {
          shown += perLane[range[0]];
          ranges.push([range[1], range[2]]);
        }
      });
      if (countsOnly) {
        return { shownMarks: shown, level: -1,
                 denseLanes: dense.filter(function (d, k) { return d && laneOn[k] !== false; }).length };
      }
      var strips = [], made = [], peak = 1, level = -1;
      for (k = 0; k < L; k++) {
        if (dense[k] && laneOn[k] !== false) {
          var s = strip(k, lo, hi, fine, ok, laneOn);
          peak = Math.max(peak, s.peak);
          level = s.level;
          strips.push(s.props);
          made.push(s);
        } else {
          strips.push(EMPTY_STRIP);
        }
      }
      var zmax = Math.max(Math.log(Math.max(peak, 2)) / Math.LN2, 1);
      var images = made.map(function (s) { return paint(s, zmax, reversed); });
      return {
        strips: strips,
        images: images,
        traces: traces.map(function (t) { return { trace: t.trace, props: markArrays(t, keep, ranges) }; }),
        shownMarks: shown,
        denseLanes: dense.filter(function (d, k) { return d && laneOn[k] !== false; }).length,
        level: level
      };
    }

    function shownEvents(ok, laneOn) {
      var seen = new Uint8Array(Math.max(data.rows, 1)), count = 0;
      for (var j = 0; j < N; j++) {
        if (!kept(j, ok, laneOn) || seen[row[j]]) continue;
        seen[row[j]] = 1;
        count += 1;
      }
      return count;
    }

    return { view: view, shownEvents: shownEvents, firstTrace: data.firstTrace, lanes: L };
  };
})();
