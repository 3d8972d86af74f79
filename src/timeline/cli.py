"""``timeline``: render, validate and convert event files, and draft them from articles.

::

    timeline render EVENTS -o OUT [-o OUT2 ...] [--lane COL] [--color COL]
                    [--since EXPR] [--until EXPR] [--category C ...] [--search TEXT]
                    [--title T] [--banner B] ...
    timeline validate EVENTS
    timeline convert IN OUT            (OUT.parquet or a folder: streamed, see tl.convert)
    timeline extract ARTICLE --reported-on DATE -o DRAFT [--source S] [--source-url URL]

Exit codes: 0 done; 1 the data has problems (``validate`` found failures, or ``render`` /
``convert`` could not load the rows); 2 the command line is wrong (missing file, unknown
column, bad date expression, unknown output suffix, an input that cannot be read as
events, an output path that cannot be written); 3 image export has no Chromium or
Chromium failed; 4 an internal error (a bug; reported in one line too).
Errors are one line on stderr, without a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_ENVIRONMENT, EXIT_INTERNAL = 0, 1, 2, 3, 4


class CommandError(Exception):
    """A problem to report in one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


def _load_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--reference-date",
        metavar="DATE",
        help="report date for rows without one (relative dates such as 'since September')",
    )
    parser.add_argument(
        "--dayfirst",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="read ambiguous numeric dates such as 04/05/2025 day first (or not); "
        "by default they are rejected",
    )


def _skip_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--skip-invalid",
        action="store_true",
        help="load the valid rows and report the others, instead of stopping",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``timeline`` and its three commands.

    Examples
    --------
    >>> args = build_parser().parse_args(["render", "e.csv", "-o", "a.html", "-o", "b.png"])
    >>> args.output
    ['a.html', 'b.png']
    """
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn dated claims from reporting into honest timelines: render web "
        "pages, images and briefing decks, check event files, convert between formats.",
        epilog="Exit codes: 0 done, 1 problems in the data, 2 wrong command line or "
        "unreadable input or unwritable output, 3 no Chromium for images, 4 internal error.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    render = commands.add_parser(
        "render",
        help="draw the events into .html, .png, .svg, .pdf, .pptx, .docx (and .csv, .xlsx, .json)",
        description="Load EVENTS, filter them, and write each -o file in the format its "
        "suffix names: .html (self-contained page), .png/.svg/.pdf (images), .pptx "
        "(briefing deck), .docx (Word chronology), .csv/.xlsx (event table), .json "
        "(TimelineJS).",
    )
    render.add_argument("events", metavar="EVENTS", help="CSV, TSV, XLSX, JSON or Parquet file")
    render.add_argument(
        "-o",
        "--output",
        action="append",
        required=True,
        metavar="OUT",
        help="output file (repeat for several; images share one browser)",
    )
    view = render.add_argument_group("view")
    view.add_argument("--lane", metavar="COL", help="column whose values are the lanes")
    view.add_argument("--color", metavar="COL", help="column that colours the marks")
    view.add_argument("--text", metavar="COL", help="column with labels for chosen events")
    view.add_argument(
        "--era",
        nargs=3,
        action="append",
        metavar=("LABEL", "FROM", "TO"),
        help="a background period; FROM and TO are date expressions ('2024', 'spring 2025')",
    )
    view.add_argument("--title", help="title of the page, image and deck")
    view.add_argument("--subtitle", help="subtitle")
    view.add_argument("--banner", help="marking shown at top and bottom (page and deck)")
    view.add_argument("--width", type=int, metavar="PX", help="figure width in pixels")
    view.add_argument("--height", type=int, metavar="PX", help="figure height in pixels")
    view.add_argument("--scale", type=float, metavar="N", help="image pixel density (PNG)")
    view.add_argument(
        "--chronology",
        action="store_true",
        help="images (.png, .svg, .pdf) draw the briefing chronology (every event labelled "
        "with its date and title) instead of the timeline",
    )
    view.add_argument(
        "--plotlyjs",
        choices=("inline", "cdn"),
        default="inline",
        help="embed plotly.js in the page (default; works offline) or load it from the CDN",
    )
    view.add_argument(
        "--key-events",
        type=int,
        metavar="N",
        help="at most N events in the deck's and the Word chronology's figure and tables",
    )
    view.add_argument(
        "--derived",
        action="store_true",
        help="tables also get derived_start, derived_end, precisions and flags",
    )
    filters = render.add_argument_group("filters (the explorer's filters)")
    filters.add_argument("--since", metavar="EXPR", help="keep events that end after this")
    filters.add_argument("--until", metavar="EXPR", help="keep events that begin before this")
    for name, help_text in (
        ("category", "keep these categories"),
        ("actor", "keep events with any of these actors"),
        ("source", "keep these sources"),
        ("location", "keep these locations"),
    ):
        filters.add_argument(
            f"--{name}", nargs="+", action="extend", metavar=name.upper(), help=help_text
        )
    filters.add_argument("--search", metavar="TEXT", help="words in title, description, quote")
    filters.add_argument("--hide-approximate", action="store_true", help="drop 'circa' dates")
    filters.add_argument("--hide-uncertain", action="store_true", help="drop '?' dates")
    filters.add_argument(
        "--min-reliability", metavar="GRADE", help="keep sources graded this (A-F) or better"
    )
    _load_options(render)
    _skip_option(render)
    render.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    render.set_defaults(handler=run_render)

    validate = commands.add_parser(
        "validate",
        help="check an event file and print its problems",
        description="Print the failures table of EVENTS (one row per problem); exit 1 when "
        "any row fails, 0 when the file is clean.",
    )
    validate.add_argument("events", metavar="EVENTS", help="CSV, TSV, XLSX, JSON or Parquet file")
    _load_options(validate)
    validate.set_defaults(handler=run_validate)

    convert = commands.add_parser(
        "convert",
        help="load events and write them in another format",
        description="Load IN and write OUT in the format its suffix names (.csv, .xlsx, "
        ".json TimelineJS, or any render format). OUT.parquet, or OUT/ (a folder of parts), "
        "streams IN in batches into canonical Parquet sorted by start (bounded memory, any "
        "size); rejected rows go to OUT's .failures.csv beside it.",
    )
    convert.add_argument("input", metavar="IN", help="CSV, TSV, XLSX, JSON or Parquet file")
    convert.add_argument("output", metavar="OUT", help="output file")
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    convert.add_argument(
        "--derived", action="store_true", help="tables also get derived_start, derived_end..."
    )
    convert.add_argument(
        "--batch-rows",
        type=int,
        default=200_000,
        metavar="N",
        help="records per batch when writing Parquet (memory grows with it)",
    )
    _load_options(convert)
    _skip_option(convert)
    convert.set_defaults(handler=run_convert)

    extract = commands.add_parser(
        "extract",
        help="draft the dated claims of an article (a .txt file) as an event file",
        description="Read ARTICLE (UTF-8 text, one paragraph a line), find its dated claims "
        "and write them to each -o file (.csv, .xlsx, .json, or any render format); "
        "review the draft, then `timeline render DRAFT ...`.",
    )
    extract.add_argument("article", metavar="ARTICLE", help="the article as a UTF-8 text file")
    extract.add_argument(
        "--reported-on",
        required=True,
        metavar="DATE",
        help="the article's date: 'Tuesday', 'late October' are resolved against it",
    )
    extract.add_argument(
        "-o", "--output", action="append", required=True, metavar="DRAFT", help="output file"
    )
    extract.add_argument("--source", help="the source of every row (the outlet)")
    extract.add_argument("--source-url", metavar="URL", help="the article's address")
    extract.add_argument(
        "--language", default=None, help="the text's language code for sentences (default en)"
    )
    extract.add_argument(
        "--no-undated",
        dest="undated",
        action="store_false",
        help="leave out attributed claims that give no date of their own",
    )
    extract.set_defaults(handler=run_extract)
    return parser


def _existing_file(text: str, argument: str) -> Path:
    path = Path(text)
    if not path.exists():
        msg = f"{argument} file not found: {text}"
        raise CommandError(msg)
    if not path.is_file():
        msg = f"{argument} is not a file: {text}"
        raise CommandError(msg)
    return path


def _load(path: Path, args: argparse.Namespace, argument: str) -> Any:
    import warnings

    from timeline.errors import EventDataError, RejectedRowsWarning
    from timeline.load import load_events

    on_error = "skip" if getattr(args, "skip_invalid", False) else "raise"
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RejectedRowsWarning)
            events = load_events(
                path,
                reference_date=args.reference_date,
                dayfirst=args.dayfirst,
                on_error=on_error,
            )
    except EventDataError as exc:
        failures = exc.failures
        rows = failures["row"].nunique() if len(failures) else 0
        first = failures.iloc[0] if len(failures) else None
        detail = (
            f"; first: row {first['row']}, {first['column']}: {first['reason']}"
            if (first is not None)
            else ""
        )
        msg = (
            f"{len(failures)} problem(s) in {rows} row(s) of {path}{detail}. "
            f"See them all with `timeline validate {path}`, or pass --skip-invalid"
        )
        raise CommandError(msg, EXIT_DATA) from exc
    except (ValueError, OSError) as exc:
        msg = f"cannot read {argument} {path}: {_first_line(exc)}"
        raise CommandError(msg) from exc
    for warning in caught:
        if isinstance(warning.message, RejectedRowsWarning):
            rejected = warning.message
            print(
                f"timeline: skipped {rejected.rejected} of {rejected.total} row(s) of {path}; "
                f"see `timeline validate {path}`",
                file=sys.stderr,
            )
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return events


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _filter_state(args: argparse.Namespace) -> Any:
    from timeline.filters import RELIABILITY_GRADES, FilterState

    grade = args.min_reliability
    if grade is not None and (len(grade) != 1 or grade.upper() not in RELIABILITY_GRADES):
        msg = f"--min-reliability must be one of A-F, got {grade!r}"
        raise CommandError(msg)
    return FilterState(
        since=args.since,
        until=args.until,
        category=args.category,
        actors=args.actor,
        source=args.source,
        location=args.location,
        search=args.search or "",
        hide_approximate=args.hide_approximate,
        hide_uncertain=args.hide_uncertain,
        min_reliability=args.min_reliability,
        lane=args.lane,
        color=args.color,
    )


def _check_columns(events: Any, args: argparse.Namespace) -> None:
    from timeline.schema import check_column

    for option, column in (("--lane", args.lane), ("--color", args.color), ("--text", args.text)):
        try:
            check_column(events, option, column, of=str(args.events))
        except ValueError as exc:
            raise CommandError(str(exc)) from exc


def _eras(specs: Sequence[Sequence[str]] | None, reference: Any) -> list[tuple[str, Any, Any]]:
    """``--era LABEL FROM TO`` into (label, start, end) with the date engine."""
    import pandas as pd

    from timeline.dates import parse_date
    from timeline.errors import DateParseError

    eras = []
    for label, first, last in specs or []:
        try:
            start = parse_date(first, reference).start
            bound = parse_date(last, reference)
        except DateParseError as exc:
            msg = f"--era {label!r}: {exc}"
            raise CommandError(msg) from exc
        end = bound.end if not pd.isna(bound.end) else reference
        if end is None or pd.isna(end) or end <= start:
            msg = f"--era {label!r}: {last!r} does not end after {first!r}"
            raise CommandError(msg)
        eras.append((label, start, end))
    return eras


def _filters(args: argparse.Namespace) -> Any:
    """The filter options as a ``FilterState``, applied by the export itself (as
    ``tl.export(filters=)``), so the reference date is the unfiltered frame's."""
    try:
        return _filter_state(args)
    except ValueError as exc:
        raise CommandError(_first_line(exc)) from exc


def _outputs(texts: Sequence[str]) -> list[Path]:
    from timeline.export import format_of

    paths = [Path(text) for text in texts]
    for path in paths:
        try:
            format_of(path)
        except ValueError as exc:
            raise CommandError(_first_line(exc)) from exc
    return paths


def _write(events: Any, outputs: list[Path], options: dict[str, Any]) -> None:
    from timeline.export import BrowserNotFoundError, export_many
    from timeline.export.images import ImageExportError

    def written(path: Path) -> None:
        print(f"wrote {path}")

    try:
        export_many(events, outputs, progress=written, **options)
    except BrowserNotFoundError as exc:
        raise CommandError(_first_line(exc), EXIT_ENVIRONMENT) from exc
    except ImageExportError as exc:
        raise CommandError(_first_line(exc), EXIT_ENVIRONMENT) from exc
    except (ValueError, TypeError) as exc:
        raise CommandError(_first_line(exc)) from exc
    except OSError as exc:  # a folder, a file in place of a folder, no permission
        raise CommandError(_first_line(exc)) from exc


def run_render(args: argparse.Namespace) -> int:
    """``timeline render``."""
    from timeline.export import format_of
    from timeline.reference import frame_reference

    source = _existing_file(args.events, "EVENTS")
    outputs = _outputs(args.output)
    events = _load(source, args, "EVENTS")
    _check_columns(events, args)
    options: dict[str, Any] = {
        "filters": _filters(args),
        "lane": args.lane,
        "color": args.color,
        "text": args.text,
        "title": args.title,
        "subtitle": args.subtitle,
        "width": args.width,
        "height": args.height,
    }
    eras = _eras(args.era, frame_reference(events))
    if eras:
        options["eras"] = eras
    formats = {format_of(p).name for p in outputs}
    if formats & {"html", "pptx", "docx"} and args.banner:
        options["banner"] = args.banner
    if "html" in formats:
        options["plotlyjs"] = args.plotlyjs
    if formats & {"png", "svg", "pdf"} and args.scale:
        options["scale"] = args.scale
    if formats & {"png", "svg", "pdf"} and args.chronology:
        options["chronology"] = True
    if formats & {"pptx", "docx"} and args.key_events is not None:
        options["key_events"] = args.key_events
    if formats & {"csv", "xlsx"} and args.derived:
        options["derived"] = True
    _write(events, outputs, options)
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    """``timeline validate``."""

    from timeline.load import validate_events

    source = _existing_file(args.events, "EVENTS")
    try:
        failures = validate_events(
            source, reference_date=args.reference_date, dayfirst=args.dayfirst
        )
    except (ValueError, OSError) as exc:
        msg = f"cannot read EVENTS {source}: {_first_line(exc)}"
        raise CommandError(msg) from exc
    if failures.empty:
        print(f"{source}: no problems")
        return EXIT_OK
    from timeline.errors import format_failures

    rows = failures["row"].nunique()
    print(f"{source}: {len(failures)} problem(s) in {rows} row(s)")
    print(format_failures(failures, limit=len(failures), codes=True))
    return EXIT_DATA


def run_convert(args: argparse.Namespace) -> int:
    """``timeline convert``."""
    source = _existing_file(args.input, "IN")
    if args.output.lower().endswith(".parquet") or args.output.endswith(("/", "\\")):
        return _convert_to_parquet(source, args)
    outputs = _outputs([args.output])
    events = _load(source, args, "IN")
    options = {"derived": True} if args.derived else {}
    _write(events, outputs, options)
    return EXIT_OK


def _convert_to_parquet(source: Path, args: argparse.Namespace) -> int:
    """``timeline convert IN OUT.parquet``: the streaming conversion (``tl.convert``)."""
    from timeline.engines.convert import convert

    try:
        result = convert(
            source,
            args.output.rstrip("/\\") if not args.output.endswith(".parquet") else args.output,
            batch_rows=args.batch_rows,
            reference_date=args.reference_date,
            dayfirst=args.dayfirst,
        )
    except (ValueError, OSError) as exc:
        msg = f"cannot convert IN {source}: {_first_line(exc)}"
        raise CommandError(msg, EXIT_DATA) from exc
    print(f"{result.path}: {result.loaded} event(s) of {result.rows} row(s)", file=sys.stderr)
    if result.rejected:
        print(
            f"timeline: rejected {result.rejected} of {result.rows} row(s) of {source}; "
            f"see {result.failures_path}",
            file=sys.stderr,
        )
        return EXIT_OK if args.skip_invalid else EXIT_DATA
    return EXIT_OK


def _progress(args: argparse.Namespace) -> bool | None:
    """``-q``: no bar; on a terminal: a bar for every step; in a log: none (tqdm's rule)."""
    if getattr(args, "quiet", False):
        return False
    return True if sys.stderr.isatty() else None


def run_extract(args: argparse.Namespace) -> int:
    """``timeline extract``."""
    from timeline.extract import extract_events

    source = _existing_file(args.article, "ARTICLE")
    outputs = _outputs(args.output)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = f"ARTICLE {source} is not UTF-8 text: {exc.reason} at byte {exc.start}"
        raise CommandError(msg) from exc
    try:
        events = extract_events(
            text,
            reported_on=args.reported_on,
            source=args.source,
            source_url=args.source_url,
            language=args.language,
            undated=args.undated,
        )
    except (ValueError, TypeError) as exc:
        raise CommandError(_first_line(exc)) from exc
    _write(events, outputs, {})
    own = int(events["date_basis"].str.startswith("article wording").sum()) if len(events) else 0
    print(
        f"{source}: {len(events)} claim(s), {own} dated by their own wording -> "
        + ", ".join(str(p) for p in outputs)
    )
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``timeline`` with ``argv`` (default ``sys.argv[1:]``); returns the exit code.

    Examples
    --------
    >>> main(["validate", "data/events.csv"])  # doctest: +SKIP
    data/events.csv: no problems
    0
    """
    from timeline.progress import choose

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with choose(_progress(args)):
            return int(args.handler(args))
    except CommandError as exc:
        print(f"timeline: error: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print("timeline: error: out of memory", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # a bug: still one line, with its own exit code
        print(
            f"timeline: internal error: {type(exc).__name__}: {_first_line(exc)} "
            "(please report it)",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


if __name__ == "__main__":
    raise SystemExit(main())
