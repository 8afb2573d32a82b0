//! `--format html`: one self-contained annotated report for a reviewer (inline CSS and JS,
//! nothing fetched).
//!
//! Each document is shown as written (Markdown as its source, not rendered, so that every span
//! is exact), HTML-escaped, with every finding marked where it stands. The marked-up text is
//! built in one pass over the span boundaries: the text between two boundaries is one segment,
//! written as one element that lists the findings covering it (`data-f="0 3"`, with their
//! `data-rule` codes and the highest `data-severity`), or as plain text when none does. Spans
//! that overlap or nest are therefore split into segments, and a finding's text is exactly the
//! concatenation of the segments that list it; a zero-width span gets an empty marker of its
//! own. Related spans (labels) are segments too (`data-r`), highlighted when their finding is
//! selected. There is one element per segment, never per character, and the text is cut into
//! blocks of 100 lines (`content-visibility: auto`) that the browser lays out only when they
//! come into view, so a megabyte brief opens at once.
//!
//! The findings themselves (message, notes, help, related spans) travel as one JSON block that
//! the script reads to fill the side list, the details pane and the filters.

use super::Summary;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceFile;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Escapes text for HTML content and attribute values.
pub fn escape_into(out: &mut String, s: &str) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// The nearest character boundary at or before `i`, within the text.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One span to mark in a document: a finding's own span, or one of its related spans.
struct Span {
    start: usize,
    end: usize,
    finding: usize,
    primary: bool,
}

/// A document shown in the report and the spans marked in it.
struct Doc {
    file: Arc<SourceFile>,
    spans: Vec<Span>,
}

fn severity_rank(s: &str) -> u8 {
    match s {
        "error" => 3,
        "warning" => 2,
        _ => 1,
    }
}

/// Lines in each block of text laid out as one.
const CHUNK_LINES: usize = 100;

/// Between two blocks of lines. The parser drops a line break straight after `<pre>`, so one
/// is written there: a block that starts with a blank line keeps it.
const CHUNK_BREAK: &str = "</pre><pre class=\"c\">\n";

/// The marked-up text of one document.
fn mark_up(doc: &Doc, diagnostics: &[Diagnostic], out: &mut String) {
    let text = &doc.file.text;
    // The text is cut into blocks of lines that the browser lays out only when they come into
    // view: a long document opens at once.
    let chunks: Vec<usize> = doc
        .file
        .line_starts()
        .iter()
        .copied()
        .step_by(CHUNK_LINES)
        .skip(1)
        .filter(|&o| o < text.len())
        .collect();
    let mut next_chunk = 0;
    let mut points: Vec<usize> = vec![0, text.len()];
    points.extend(&chunks);
    for s in &doc.spans {
        points.push(s.start);
        points.push(s.end);
    }
    points.sort_unstable();
    points.dedup();
    // Spans by start; those still open are kept in `open`.
    let mut by_start: Vec<&Span> = doc.spans.iter().collect();
    by_start.sort_by_key(|s| (s.start, s.end));
    let mut next = 0;
    let mut open: Vec<&Span> = Vec::new();
    let mut has_id = vec![false; diagnostics.len()];
    let list = |ids: &mut Vec<usize>| {
        ids.sort_unstable();
        ids.dedup();
        ids.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    };
    for w in points.windows(2) {
        let (a, b) = (w[0], w[1]);
        if chunks.get(next_chunk) == Some(&a) {
            next_chunk += 1;
            out.push_str(CHUNK_BREAK);
        }
        open.retain(|s| s.end > a);
        while next < by_start.len() && by_start[next].start == a {
            let s = by_start[next];
            next += 1;
            if s.end == s.start {
                // A zero-width span: an empty marker of its own.
                if s.primary {
                    let d = &diagnostics[s.finding];
                    let id = if has_id[s.finding] {
                        String::new()
                    } else {
                        has_id[s.finding] = true;
                        format!(" id=\"f{}\"", s.finding)
                    };
                    out.push_str(&format!(
                        "<mark class=\"s zw\"{id} data-f=\"{}\" data-rule=\"{}\" data-severity=\"{}\"></mark>",
                        s.finding,
                        escape(&d.rule),
                        d.severity.as_str()
                    ));
                } else {
                    out.push_str(&format!(
                        "<span class=\"r zw\" data-r=\"{}\"></span>",
                        s.finding
                    ));
                }
            } else {
                open.push(s);
            }
        }
        if a == b {
            continue;
        }
        let segment = &text[a..b];
        if open.is_empty() {
            escape_into(out, segment);
            continue;
        }
        let mut primary: Vec<usize> = open
            .iter()
            .filter(|s| s.primary)
            .map(|s| s.finding)
            .collect();
        let mut related: Vec<usize> = open
            .iter()
            .filter(|s| !s.primary)
            .map(|s| s.finding)
            .collect();
        if primary.is_empty() {
            out.push_str(&format!(
                "<span class=\"r\" data-r=\"{}\">",
                list(&mut related)
            ));
            escape_into(out, segment);
            out.push_str("</span>");
            continue;
        }
        let first = primary.iter().copied().find(|&f| !has_id[f]);
        let id = first.map_or(String::new(), |f| {
            has_id[f] = true;
            format!(" id=\"f{f}\"")
        });
        let mut rules: Vec<&str> = primary
            .iter()
            .map(|&f| diagnostics[f].rule.as_str())
            .collect();
        rules.sort_unstable();
        rules.dedup();
        let severity = primary
            .iter()
            .map(|&f| diagnostics[f].severity.as_str())
            .max_by_key(|s| severity_rank(s))
            .unwrap_or("info");
        out.push_str(&format!(
            "<mark class=\"s\"{id} data-f=\"{}\" data-rule=\"{}\" data-severity=\"{severity}\"",
            list(&mut primary),
            escape(&rules.join(" "))
        ));
        if !related.is_empty() {
            out.push_str(&format!(" data-r=\"{}\"", list(&mut related)));
        }
        out.push('>');
        escape_into(out, segment);
        out.push_str("</mark>");
    }
}

fn finding_data(i: usize, d: &Diagnostic) -> Value {
    let f = &d.finding;
    let (line, col) = d.file.position(f.range.start);
    let related: Vec<Value> = f
        .labels
        .iter()
        .map(|l| {
            let file = l.file.as_deref().unwrap_or(&d.file);
            let (line, col) = file.position(l.range.start);
            json!({ "path": file.name, "line": line, "col": col, "message": l.message })
        })
        .collect();
    json!({
        "id": i, "rule": d.rule, "name": super::rule_name(&d.rule),
        "severity": d.severity.as_str(), "message": f.message, "label": f.label,
        "notes": f.notes, "help": f.help, "path": d.path(), "line": line, "col": col,
        "fix": f.fix.as_ref().map(|x| x.replacement.clone()), "related": related,
    })
}

/// The whole report.
pub fn render(diagnostics: &[Diagnostic], summary: Summary) -> String {
    // The documents: those with findings, and those that related spans point into, by name.
    let mut docs: BTreeMap<String, Doc> = BTreeMap::new();
    let mut doc_for = |file: &Arc<SourceFile>| -> String {
        docs.entry(file.name.clone()).or_insert_with(|| Doc {
            file: file.clone(),
            spans: Vec::new(),
        });
        file.name.clone()
    };
    let mut placed: Vec<(String, Span)> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        let text = &d.file.text;
        let name = doc_for(&d.file);
        let start = floor_boundary(text, d.finding.range.start);
        let end = floor_boundary(text, d.finding.range.end).max(start);
        placed.push((
            name,
            Span {
                start,
                end,
                finding: i,
                primary: true,
            },
        ));
        for l in &d.finding.labels {
            let file = l.file.as_ref().unwrap_or(&d.file);
            let name = doc_for(file);
            let start = floor_boundary(&file.text, l.range.start);
            let end = floor_boundary(&file.text, l.range.end).max(start);
            placed.push((
                name,
                Span {
                    start,
                    end,
                    finding: i,
                    primary: false,
                },
            ));
        }
    }
    for (name, span) in placed {
        if let Some(doc) = docs.get_mut(&name) {
            doc.spans.push(span);
        }
    }

    let total_bytes: usize = docs.values().map(|d| d.file.text.len()).sum();
    let mut out = String::with_capacity(total_bytes + total_bytes / 8 + 16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>factlint report</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style></head><body>\n<header>");
    let mut by_rule: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for d in diagnostics {
        let e = by_rule
            .entry(&d.rule)
            .or_insert((0, super::rule_name(&d.rule)));
        e.0 += 1;
    }
    let s = |n: usize| if n == 1 { "" } else { "s" };
    out.push_str(&format!(
        "<h1>factlint</h1><p class=\"totals\" id=\"totals\"><strong>{}</strong> file{} checked: \
         <span class=\"t error\">{} error{}</span> <span class=\"t warning\">{} warning{}</span> \
         <span class=\"t info\">{} info{}</span></p>\n",
        summary.files,
        s(summary.files),
        summary.errors,
        s(summary.errors),
        summary.warnings,
        s(summary.warnings),
        summary.infos,
        s(summary.infos)
    ));
    out.push_str("<div class=\"filters\"><span>severity:</span>");
    for (sev, n) in [
        (Severity::Error, summary.errors),
        (Severity::Warning, summary.warnings),
        (Severity::Info, summary.infos),
    ] {
        out.push_str(&format!(
            "<label class=\"{0}\"><input type=\"checkbox\" data-filter-severity=\"{0}\" checked> {0} ({n})</label>",
            sev.as_str()
        ));
    }
    out.push_str("<span>rule:</span>");
    for (rule, (n, name)) in &by_rule {
        out.push_str(&format!(
            "<label title=\"{}\"><input type=\"checkbox\" data-filter-rule=\"{}\" checked> {} ({n})</label>",
            escape(name),
            escape(rule),
            escape(rule)
        ));
    }
    out.push_str("</div></header>\n<nav id=\"list\"><ol>");
    for (i, d) in diagnostics.iter().enumerate() {
        let (line, col) = d.file.position(d.finding.range.start);
        out.push_str(&format!(
            "<li data-f=\"{i}\" data-rule=\"{}\" data-severity=\"{}\"><a href=\"#f{i}\"><span class=\"sev {1}\">{1}</span> <code>{}</code> <span class=\"loc\">{}:{line}:{col}</span><br>{}</a></li>",
            escape(&d.rule),
            d.severity.as_str(),
            escape(&d.rule),
            escape(d.path()),
            escape(&d.finding.message)
        ));
    }
    if diagnostics.is_empty() {
        out.push_str("<li class=\"none\">No findings.</li>");
    }
    out.push_str("</ol><div id=\"details\" hidden></div></nav>\n<main id=\"docs\">");
    for doc in docs.values() {
        out.push_str(&format!(
            "<section class=\"doc\" data-path=\"{0}\"><h2>{0}</h2><div class=\"src\"><pre class=\"c\">\n",
            escape(&doc.file.name)
        ));
        mark_up(doc, diagnostics, &mut out);
        out.push_str("</pre></div></section>\n");
    }
    out.push_str("</main>\n<script type=\"application/json\" id=\"findings\">");
    let data: Vec<Value> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| finding_data(i, d))
        .collect();
    // `</` cannot end the script element early once escaped.
    out.push_str(&Value::Array(data).to_string().replace("</", "<\\/"));
    out.push_str("</script>\n<script>");
    out.push_str(JS);
    out.push_str("</script>\n</body></html>\n");
    out
}

const CSS: &str = r#"
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fafafa;
 display:grid;grid-template-columns:400px 1fr;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/3;padding:8px 16px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 12px 0 0;display:inline-block}
.totals{display:inline-block;margin:0}
.t{padding:1px 6px;border-radius:3px;margin-left:4px}
.t.error,.sev.error{background:#fde2e1;color:#a4000f}
.t.warning,.sev.warning{background:#fff1c2;color:#6b4f00}
.t.info,.sev.info{background:#dfeefe;color:#0b4f8a}
.filters{margin-top:6px;font-size:13px}
.filters span{color:#666;margin:0 4px 0 8px}
.filters label{margin-right:8px;white-space:nowrap}
nav{overflow:auto;border-right:1px solid #ddd;background:#fff}
nav ol{list-style:none;margin:0;padding:0}
nav li a{display:block;padding:6px 12px;border-bottom:1px solid #eee;color:inherit;text-decoration:none}
nav li a:hover,nav li.cur a{background:#f0f4ff}
nav li.off{display:none}
.sev{font-size:11px;padding:0 4px;border-radius:3px;text-transform:uppercase}
.loc{color:#666;font-size:12px}
#details{position:sticky;bottom:0;background:#fffbea;border-top:2px solid #e0c060;padding:8px 12px;font-size:13px;max-height:45%;overflow:auto}
#details h3{margin:0 0 4px;font-size:14px}
#details ul{margin:4px 0;padding-left:18px}
#details li.rel{cursor:pointer;text-decoration:underline dotted}
main{overflow:auto;padding:0 16px 40vh}
h2{font-size:14px;margin:12px 0 4px;color:#444}
div.src{background:#fff;border:1px solid #ddd;padding:10px}
pre.c{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;word-wrap:break-word;
 margin:0;content-visibility:auto;contain-intrinsic-block-size:auto 1890px}
pre.c:last-child{contain-intrinsic-block-size:auto 300px}
mark.s{background:transparent;color:inherit;cursor:pointer;border-bottom:2px solid #3b82f6;background:#e5efff}
mark.s[data-severity=error]{border-bottom:2px solid #d00;background:#ffe3e3}
mark.s[data-severity=warning]{border-bottom:2px solid #d99a00;background:#fff4cc}
mark.s.off{background:transparent;border-bottom:none;cursor:auto}
mark.zw{display:inline-block;width:0;height:1.1em;vertical-align:text-bottom;border-left:2px solid #d00;border-bottom:none}
mark.s.cur{outline:2px solid #333;outline-offset:1px}
span.r.hl,mark.s.hl{background:#c9f7d0;outline:1px dashed #0a7a2a}
"#;

const JS: &str = r#"
(function(){
var F=JSON.parse(document.getElementById('findings').textContent);
var details=document.getElementById('details');
function ids(el,a){var v=el.getAttribute(a);return v?v.split(' ').map(Number):[]}
function esc(s){var d=document.createElement('div');d.textContent=s;return d.innerHTML}
var segs=[].slice.call(document.querySelectorAll('mark.s'));
var rels=[].slice.call(document.querySelectorAll('[data-r]'));
var items=[].slice.call(document.querySelectorAll('#list li[data-f]'));
var shown=F.map(function(){return true});
var current=-1;
details.addEventListener('click',function(ev){
 if(!ev.target.closest('.rel'))return;
 var r=rels.filter(function(e){return ids(e,'data-r').indexOf(current)>=0})[0];if(r)r.scrollIntoView({block:'center'})});
function select(i,scroll){
 current=i;
 document.querySelectorAll('.cur,.hl').forEach(function(e){e.classList.remove('cur');e.classList.remove('hl')});
 var f=F[i];if(!f)return;
 segs.forEach(function(e){if(ids(e,'data-f').indexOf(i)>=0)e.classList.add('cur')});
 rels.forEach(function(e){if(ids(e,'data-r').indexOf(i)>=0)e.classList.add('hl')});
 items.forEach(function(e){if(+e.getAttribute('data-f')===i)e.classList.add('cur')});
 var h='<h3>'+esc(f.severity)+'['+esc(f.rule)+'] '+esc(f.message)+'</h3><div class="loc">'+esc(f.path)+':'+f.line+':'+f.col+' \u00b7 '+esc(f.name)+'</div>';
 if(f.label)h+='<div>\u2192 '+esc(f.label)+'</div>';
 var n=f.notes.map(function(x){return '<li>note: '+esc(x)+'</li>'});
 if(f.help)n.push('<li>help: '+esc(f.help)+'</li>');
 if(f.fix!==null)n.push('<li>fix: replace with \u201c'+esc(f.fix)+'\u201d</li>');
 f.related.forEach(function(r){n.push('<li class="rel" title="show it">related, '+esc(r.path)+':'+r.line+':'+r.col+': '+esc(r.message)+'</li>')});
 if(n.length)h+='<ul>'+n.join('')+'</ul>';
 details.innerHTML=h;details.hidden=false;
 if(scroll){var m=document.getElementById('f'+i)||segs.filter(function(e){return ids(e,'data-f').indexOf(i)>=0})[0];if(m)m.scrollIntoView({block:'center'})}
}
document.getElementById('list').addEventListener('click',function(ev){
 var li=ev.target.closest('li[data-f]');if(!li)return;ev.preventDefault();select(+li.getAttribute('data-f'),true)});
document.getElementById('docs').addEventListener('click',function(ev){
 var m=ev.target.closest('mark.s');if(!m)return;
 var v=ids(m,'data-f').filter(function(i){return shown[i]});if(!v.length)return;
 var cur=m.getAttribute('data-pick')|0;select(v[cur%v.length],false);m.setAttribute('data-pick',cur+1);
 var li=items[v[cur%v.length]];if(li)li.scrollIntoView({block:'nearest'})});
document.querySelectorAll('mark.s').forEach(function(m){
 m.title=ids(m,'data-f').map(function(i){var f=F[i];return f.severity+'['+f.rule+'] '+f.message}).join('\n')});
function filter(){
 var sev={},rule={};
 document.querySelectorAll('[data-filter-severity]').forEach(function(c){sev[c.getAttribute('data-filter-severity')]=c.checked});
 document.querySelectorAll('[data-filter-rule]').forEach(function(c){rule[c.getAttribute('data-filter-rule')]=c.checked});
 F.forEach(function(f,i){shown[i]=sev[f.severity]!==false&&rule[f.rule]!==false});
 items.forEach(function(e){e.classList.toggle('off',!shown[+e.getAttribute('data-f')])});
 segs.forEach(function(e){e.classList.toggle('off',!ids(e,'data-f').some(function(i){return shown[i]}))});
}
document.querySelector('header').addEventListener('change',filter);
var h=location.hash.match(/^#f(\d+)$/);if(h){select(+h[1],false);var t=document.getElementById('f'+h[1]);if(t)t.scrollIntoView({block:'start'})}
})();
"#;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::Finding;

    /// Reads the report back: for each finding id, the concatenated text of the markers that
    /// list it, and the rule each list entry names. A small scanner for the few elements the
    /// report writes, not a general HTML parser.
    pub(crate) fn markers(html: &str) -> (BTreeMap<usize, String>, BTreeMap<String, usize>) {
        fn attr(tag: &str, name: &str) -> Option<String> {
            let key = format!(" {name}=\"");
            let i = tag.find(&key)? + key.len();
            Some(tag[i..i + tag[i..].find('"')?].to_string())
        }
        fn unescape(s: &str) -> String {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        }
        let mut text: BTreeMap<usize, String> = BTreeMap::new();
        let mut rules: BTreeMap<String, usize> = BTreeMap::new();
        let mut rest = html;
        while let Some(i) = rest.find("<mark ") {
            rest = &rest[i..];
            let tag_end = rest.find('>').unwrap();
            let tag = &rest[..tag_end];
            let close = rest.find("</mark>").unwrap();
            let inner = &rest[tag_end + 1..close];
            assert!(!inner.contains('<'), "markers are flat: {inner}");
            for id in attr(tag, "data-f").unwrap().split(' ') {
                text.entry(id.parse().unwrap())
                    .or_default()
                    .push_str(&unescape(inner));
            }
            rest = &rest[close..];
        }
        let list = &html[html.find("<nav id=\"list\">").unwrap()..];
        let list = &list[..list.find("</nav>").unwrap()];
        for li in list.split("<li ").skip(1) {
            if let Some(rule) = attr(&format!(" {li}"), "data-rule") {
                *rules.entry(rule).or_default() += 1;
            }
        }
        (text, rules)
    }

    fn diag(file: &Arc<SourceFile>, range: std::ops::Range<usize>, rule: &str) -> Diagnostic {
        Diagnostic {
            file: file.clone(),
            rule: rule.into(),
            severity: Severity::Warning,
            finding: Finding::new(range, format!("about {rule}")),
        }
    }

    #[test]
    fn overlapping_nested_and_empty_spans_mark_exactly_their_text() {
        let text = "a <b> “AFISMA” & ASISMA — 😀 end";
        let file = Arc::new(SourceFile::new("t.md", text));
        let q = text.find('“').unwrap();
        let s = text.find("ASISMA").unwrap();
        let e = text.find('😀').unwrap();
        let ds = vec![
            diag(&file, q..s + 6, "ACR003"),      // overlaps the next
            diag(&file, s..e + 4, "NUM005"),      // crosses the first's end
            diag(&file, s + 1..s + 3, "ACR003"),  // nested in both
            diag(&file, 2..2, "REF002"),          // zero width
            diag(&file, 0..text.len(), "REF003"), // the whole text
        ];
        let html = render(&ds, Summary::new(1, &ds));
        let (marked, rules) = markers(&html);
        for (i, d) in ds.iter().enumerate() {
            assert_eq!(
                marked.get(&i).map(String::as_str).unwrap_or(""),
                &text[d.finding.range.clone()],
                "finding {i}"
            );
        }
        assert_eq!(rules["ACR003"], 2);
        assert_eq!(rules["NUM005"], 1);
        assert!(html.contains("&lt;b&gt;"));
        assert!(!html.contains("<b>"));
        assert!(!html.contains("http"), "nothing is fetched");
    }

    #[test]
    fn a_span_across_blocks_of_lines_is_split_and_blank_lines_kept() {
        let text = "\n".repeat(CHUNK_LINES - 1) + "across\n\nthe block\n";
        let file = Arc::new(SourceFile::new("t.txt", text.as_str()));
        let a = text.find("across").unwrap();
        let b = text.find("the").unwrap() + 3;
        let ds = vec![diag(&file, a..b, "REF003")];
        let html = render(&ds, Summary::new(1, &ds));
        let (marked, _) = markers(&html);
        assert_eq!(marked[&0], &text[a..b]);
        assert_eq!(html.matches(CHUNK_BREAK).count(), 1);
        assert_eq!(
            html.matches("<mark ").count(),
            2,
            "one segment on each side"
        );
        // The block after the break starts with a blank line, kept by the extra line break.
        assert!(html.contains(&format!("{CHUNK_BREAK}<mark")));
    }
}
