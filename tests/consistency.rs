//! Internal consistency beyond the fixtures (which tests/fixtures.rs checks, one test each).

use factlint::engine::Selection;
use factlint::settings::Settings;

#[test]
fn worked_example_shape_without_the_shared_folder() {
    // The shape of the worked example's citation, rebuilt here so the test needs no files
    // outside the repository: a malformed date, a URL dated a day later, the URL pasted twice.
    let text = "China’s peacekeepers.1 More text.2\n\n* Jane Perlez, “New Leaders,” The New York Times, October, 25, 2012. http://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-\ntransition-nears.html?_r=0.\n\nhttp://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-transition-nears.html?_r=0\nhttp://www.nytimes.com/2012/10/26/world/asia/china-names-new-military-leaders-as-transition-nears.html?_r=0\n";
    let doc = factlint::source::Document::new("brief.txt", text, factlint::source::Format::Text);
    let diags = factlint::engine::check_document(&doc, &Settings::default(), &Selection::all());
    let got: Vec<(String, usize)> = diags
        .iter()
        .map(|d| (d.rule.clone(), d.file.position(d.finding.range.start).0))
        .collect();
    assert_eq!(
        got,
        vec![
            ("REF002".into(), 1),
            ("DAT005".into(), 3),
            ("DAT006".into(), 3),
            ("REF003".into(), 7)
        ]
    );
    let fix = diags[1].finding.fix.as_ref().unwrap();
    assert_eq!(fix.replacement, "October 25, 2012");
}
