using System.Net;

namespace MaskBench.Reports;

/// <summary>The look every HTML page MaskBench writes shares (<c>benchmark.html</c>, the over-time index): one style
/// sheet, inline, so that each page is one file with nothing to fetch.</summary>
internal static class PageStyle
{
    const string Css = """
        body{font-family:"DejaVu Sans",Verdana,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}
        h1{font-size:1.6em}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid #ddd}h3{font-size:1.1em;margin-bottom:.3em}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em}th{background:#f4f4f4}td.n{text-align:right}td:last-child{overflow-wrap:anywhere;min-width:10em}.sub{color:#555;font-size:85%}
        svg{display:block;max-width:100%;height:auto;margin:.5em 0}p.note{color:#555;font-size:90%}
        .failed{color:#b00}.suspect{color:#a60}.missing{color:#777}code{font-size:90%}
        """;

    /// <summary>The page's start, through <c>&lt;body&gt;</c>: doctype, charset, title and the shared style.</summary>
    public static string Head(string title) =>
        $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title>\n"
        + $"<style>\n{Css}\n</style></head><body>\n";
}
