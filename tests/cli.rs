//! Every subcommand on the samples, and bad input: exit 0 with output on success,
//! non-zero with one line on stderr otherwise, never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_plantrack"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("plantrack-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Failed cleanly: non-zero, exactly one line on stderr, no panic.
fn fails(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "should fail: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

/// Refused as bad usage, in clap's form: exit 2, "error: ..." and a usage line, no panic.
fn misused(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "usage error: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.starts_with("error:"), "{err}");
    assert!(
        err.contains("Usage:") || err.contains("For more information"),
        "{err}"
    );
    err
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn samples() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir("assets/samples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn extract_prints_findings_in_the_gold_format() {
    let mut args = vec!["extract", "--json"];
    let s = samples();
    args.extend(s.iter().map(String::as_str));
    let out = ok(&run(&args));
    let v: serde_json::Value = serde_json::from_str(&out).expect("a JSON array");
    let arr = v.as_array().unwrap();
    assert!(arr.len() > 200);
    for x in arr {
        for field in [
            "doc",
            "kind",
            "province",
            "year",
            "indicator",
            "value",
            "unit",
            "comparator",
            "quote",
            "start",
            "end",
        ] {
            assert!(!x[field].is_null(), "{field} missing in {x}");
        }
        let doc =
            std::fs::read_to_string(Path::new("assets/samples").join(x["doc"].as_str().unwrap()))
                .unwrap();
        let (s, e) = (
            x["start"].as_u64().unwrap() as usize,
            x["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&doc[s..e], x["quote"].as_str().unwrap());
    }
    // the readable form
    let table = ok(&run(&["extract", &s[0]]));
    assert!(table.lines().count() >= 1);
}

#[test]
fn extract_refuses_bad_input() {
    let dir = temp_dir("extract-bad");
    let bin_file = dir.join("image.txt");
    std::fs::write(&bin_file, [0u8, 1, 2, 3, 0, 0, 255, 254, 0, 7]).unwrap();
    let e = fails(&run(&["extract", bin_file.to_str().unwrap()]));
    assert!(e.contains("not a text document"), "{e}");
    let e = fails(&run(&["extract", "/nonexistent/report.txt"]));
    assert!(e.contains("does not exist"), "{e}");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    assert!(fails(&run(&["extract", empty.to_str().unwrap()])).contains("empty"));
    misused(&run(&["extract"]));
    misused(&run(&["extract", "--colour", "x.txt"]));
    let e = fails(&run(&["extract", "tests/data/formats/bomb.docx"]));
    assert!(e.contains("zip bomb"), "{e}");
    let docx = std::fs::read("tests/data/formats/report.docx").unwrap();
    let cut = dir.join("cut.docx");
    std::fs::write(&cut, &docx[..docx.len() - 200]).unwrap();
    assert!(fails(&run(&["extract", cut.to_str().unwrap()])).contains("damaged"));
    // and a good .docx reads like its text
    let out = ok(&run(&["extract", "tests/data/formats/report.docx"]));
    assert!(out.contains("GDP growth"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn list_record_chart_csv_report() {
    let dir = temp_dir("flow");
    let project = dir.join("p.ron");
    std::fs::copy("saves/sample.ron", &project).unwrap();
    let p = project.to_str().unwrap();

    let rows: serde_json::Value = serde_json::from_str(&ok(&run(&[
        "list",
        "--project",
        p,
        "--province",
        "Zhejiang",
        "--year",
        "2021",
        "--json",
    ])))
    .unwrap();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        for field in [
            "id",
            "kind",
            "province",
            "year",
            "indicator",
            "value",
            "unit",
            "comparator",
            "status",
        ] {
            assert!(!r[field].is_null(), "{field} missing");
        }
        assert_eq!(
            (
                r["province"].as_str(),
                r["year"].as_i64(),
                r["kind"].as_str()
            ),
            (Some("Zhejiang"), Some(2021), Some("target"))
        );
        // the sample's later reports judge some of them
        assert!(
            ["no data", "met", "missed", "on track", "behind"]
                .contains(&r["status"].as_str().unwrap()),
            "{}",
            r["status"]
        );
    }
    let gdp = rows
        .iter()
        .find(|r| r["indicator_key"] == "gdp_growth")
        .expect("GDP growth target");
    let id = gdp["id"].as_u64().unwrap().to_string();

    let out = ok(&run(&[
        "record",
        "--project",
        p,
        "--target",
        &id,
        "--year",
        "2021",
        "--value",
        "8.5",
        "--note",
        "2022 report",
    ]));
    assert!(out.contains("met"), "{out}");
    let rows: serde_json::Value = serde_json::from_str(&ok(&run(&[
        "list",
        "--project",
        p,
        "--kind",
        "all",
        "--json",
    ])))
    .unwrap();
    let rows = rows.as_array().unwrap();
    let target = rows
        .iter()
        .find(|r| r["id"].as_u64().unwrap().to_string() == id)
        .unwrap();
    assert_eq!(target["status"], "met");
    let recorded = rows
        .iter()
        .find(|r| r["source"] == "recorded")
        .expect("the recorded actual is listed");
    assert_eq!(
        (recorded["value"].as_f64(), recorded["year"].as_i64()),
        (Some(8.5), Some(2021))
    );
    let actuals: serde_json::Value = serde_json::from_str(&ok(&run(&[
        "list",
        "--project",
        p,
        "--kind",
        "actual",
        "--json",
    ])))
    .unwrap();
    assert!(
        actuals
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] == "actual")
    );

    // charts of each kind, both formats
    let png = dir.join("t.png");
    let svg = dir.join("t.svg");
    ok(&run(&[
        "chart",
        "--project",
        p,
        "--target",
        &id,
        "--out",
        png.to_str().unwrap(),
        "--width",
        "800",
        "--height",
        "500",
    ]));
    ok(&run(&[
        "chart",
        "--project",
        p,
        "--target",
        &id,
        "--out",
        svg.to_str().unwrap(),
    ]));
    let bytes = std::fs::read(&png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(u32::from_be_bytes(bytes[16..20].try_into().unwrap()), 800);
    assert_eq!(u32::from_be_bytes(bytes[20..24].try_into().unwrap()), 500);
    let svg_text = std::fs::read_to_string(&svg).unwrap();
    assert!(
        svg_text.starts_with("<svg") && svg_text.contains("GDP growth") && svg_text.contains("8.5")
    );
    let cmp = dir.join("c.svg");
    ok(&run(&[
        "chart",
        "--project",
        p,
        "--indicator",
        "gdp_growth",
        "--year",
        "2021",
        "--out",
        cmp.to_str().unwrap(),
    ]));
    assert!(std::fs::read_to_string(&cmp).unwrap().contains("Zhejiang"));
    let ov = dir.join("o.png");
    ok(&run(&[
        "chart",
        "--project",
        p,
        "--overview",
        "--out",
        ov.to_str().unwrap(),
    ]));

    // CSV of the whole table
    let csv = dir.join("t.csv");
    ok(&run(&[
        "export-csv",
        "--project",
        p,
        "--out",
        csv.to_str().unwrap(),
    ]));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("id,kind,province,year"));
    assert!(text.lines().count() > 200);

    // a report folder for one province
    let rep = dir.join("report");
    ok(&run(&[
        "report",
        "--project",
        p,
        "--province",
        "Zhejiang",
        "--out",
        rep.to_str().unwrap(),
    ]));
    let index = std::fs::read_to_string(rep.join("index.html")).unwrap();
    assert!(index.contains("overview.png") && index.contains("GDP growth"));
    // plan versus outcome: its count line agrees with `list`
    let listed: Vec<serde_json::Value> = serde_json::from_str(&ok(&run(&[
        "list",
        "--project",
        p,
        "--province",
        "Zhejiang",
        "--json",
    ])))
    .unwrap();
    let met = listed
        .iter()
        .filter(|r| r["kind"] == "target" && r["status"] == "met")
        .count();
    assert!(met > 0);
    assert!(index.contains("Plan versus outcome"), "{index}");
    assert!(index.contains(&format!("{met} met")), "{index}");
    assert!(rep.join("plan-vs-outcome.csv").is_file());

    // bad input
    fails(&run(&[
        "chart",
        "--project",
        p,
        "--target",
        "999999",
        "--out",
        png.to_str().unwrap(),
    ]));
    fails(&run(&[
        "chart",
        "--project",
        p,
        "--target",
        &id,
        "--out",
        dir.join("x.gif").to_str().unwrap(),
    ]));
    misused(&run(&[
        "record",
        "--project",
        p,
        "--target",
        &id,
        "--year",
        "2021",
        "--value",
        "lots",
    ]));
    misused(&run(&["list", "--project", p, "--kind", "wishes"]));
    fails(&run(&[
        "report",
        "--project",
        p,
        "--province",
        "Atlantis",
        "--out",
        rep.to_str().unwrap(),
    ]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn list_refuses_bad_projects() {
    let dir = temp_dir("bad-projects");
    let truncated = dir.join("truncated.ron");
    let good = std::fs::read_to_string("saves/sample.ron").unwrap();
    let mut half = good.len() / 2;
    while !good.is_char_boundary(half) {
        half -= 1;
    }
    std::fs::write(&truncated, &good[..half]).unwrap();
    let e = fails(&run(&["list", "--project", truncated.to_str().unwrap()]));
    assert!(e.contains("line"), "{e}");
    let newer = dir.join("newer.ron");
    std::fs::write(&newer, good.replacen("version: 2", "version: 9", 1)).unwrap();
    assert!(fails(&run(&["list", "--project", newer.to_str().unwrap()])).contains("newer"));
    let garbage = dir.join("garbage.ron");
    std::fs::write(&garbage, [0xffu8, 0, 3, 4]).unwrap();
    fails(&run(&["list", "--project", garbage.to_str().unwrap()]));
    fails(&run(&["list", "--project", "/nonexistent/p.ron"]));
    misused(&run(&["list"]));
    // nothing was written over them
    assert_eq!(std::fs::read_to_string(&truncated).unwrap(), good[..half]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_creates_and_extends_projects() {
    let dir = temp_dir("import");
    let project = dir.join("new.ron");
    let p = project.to_str().unwrap();
    let s = samples();
    let out = ok(&run(&["import", "--project", p, &s[0], &s[1]]));
    assert!(out.contains("2 documents imported"), "{out}");
    let loaded = plantrack::store::load(&project).unwrap();
    assert_eq!(loaded.documents.len(), 2);
    // the same text again is refused, the rest imported, the project kept
    let e = fails(&run(&["import", "--project", p, &s[0], &s[2]]));
    assert!(e.contains("already in the project"), "{e}");
    assert_eq!(plantrack::store::load(&project).unwrap().documents.len(), 3);
    assert!(plantrack::store::backup_path(&project).exists());
    // a bad document leaves the project as it was
    let before = std::fs::read(&project).unwrap();
    fails(&run(&["import", "--project", p, "/nonexistent/doc.txt"]));
    assert_eq!(std::fs::read(&project).unwrap(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_csv_records_good_rows_and_names_bad_ones() {
    let dir = temp_dir("csv");
    let project = dir.join("p.ron");
    std::fs::copy("saves/sample.ron", &project).unwrap();
    let p = project.to_str().unwrap();
    let csv = dir.join("outcomes.csv");
    // Excel on Windows writes UTF-16 with a BOM; a header in another order
    let text = "year,value,province,indicator,unit,source\r\n\
                2021,8.5,Zhejiang,gdp_growth,%,bulletin\r\n\
                2021,4.6,Zhejiang,surveyed_unemployment,%,bulletin\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&csv, bytes).unwrap();
    let c = csv.to_str().unwrap();
    let actuals = || {
        ok(&run(&[
            "list",
            "--project",
            p,
            "--kind",
            "actual",
            "--json",
        ]))
    };
    // the sample has outcomes from a table of its own already
    let before = actuals();
    let out = ok(&run(&["import-csv", "--project", p, "--dry-run", c]));
    assert!(out.contains("would record 2 actual(s)"), "{out}");
    assert_eq!(actuals(), before, "a dry run records nothing");
    assert!(!before.contains("\"csv:outcomes.csv"));
    let out = ok(&run(&["import-csv", "--project", p, c]));
    assert!(out.contains("recorded 2 actual(s)"), "{out}");
    let listed = ok(&run(&[
        "list",
        "--project",
        p,
        "--kind",
        "actual",
        "--json",
    ]));
    assert_eq!(
        listed.matches("\"csv:outcomes.csv\"").count(),
        2,
        "{listed}"
    );

    // a bad row: the others are recorded, the row is named, the exit status says so
    std::fs::write(
        &csv,
        "Zhejiang,gdp_growth,2023,6.0,%\nZhejiang,gdp_growth,20x2,7.0,%\n",
    )
    .unwrap();
    let r = run(&["import-csv", "--project", p, c]);
    let err = fails(&r);
    assert!(err.contains("1 row(s) could not be recorded"), "{err}");
    let out = String::from_utf8_lossy(&r.stdout);
    assert!(
        out.contains("line 2: not recorded: \"20x2\" is not a year"),
        "{out}"
    );
    // not a CSV at all, a missing file
    std::fs::write(&csv, [0u8, 1, 2, 3, 0, 0, 255, 254]).unwrap();
    fails(&run(&["import-csv", "--project", p, c]));
    fails(&run(&["import-csv", "--project", p, "/nonexistent/x.csv"]));
}

#[test]
fn help_version_and_completions() {
    let help = ok(&run(&["list", "--help"]));
    for flag in [
        "--project",
        "--province",
        "--year",
        "--kind",
        "--json",
        "--needs-review",
    ] {
        assert!(help.contains(flag), "{flag} in {help}");
    }
    let top = ok(&run(&["--help"]));
    for cmd in [
        "extract",
        "list",
        "chart",
        "record",
        "export-csv",
        "export-xlsx",
        "report",
        "import",
        "import-csv",
        "sample",
        "completions",
    ] {
        assert!(top.contains(cmd), "{cmd} in {top}");
    }
    assert!(ok(&run(&["--version"])).starts_with("plantrack "));
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = ok(&run(&["completions", shell]));
        assert!(script.contains("plantrack"), "{shell}");
        assert!(script.contains("import-csv"), "{shell}");
    }
    misused(&run(&["completions", "tcsh"]));
    // an unknown word is a document to open, not a subcommand: the app would start
    misused(&run(&["import-csv"]));
}

#[test]
fn spreadsheets_of_actuals_and_the_exported_workbook() {
    use calamine::Reader;
    let dir = temp_dir("xlsx");
    let project = dir.join("p.ron");
    std::fs::copy("saves/sample.ron", &project).unwrap();
    let p = project.to_str().unwrap();
    // outcomes as an analyst keeps them: a header in another order, numbers as numbers
    let sheet_path = dir.join("outcomes.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["year", "value", "province", "indicator", "unit", "source"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (value, key)) in [(8.5, "gdp_growth"), (4.6, "surveyed_unemployment")]
        .iter()
        .enumerate()
    {
        let r = r as u32 + 1;
        sheet.write_number(r, 0, 2021).unwrap();
        sheet.write_number(r, 1, *value).unwrap();
        sheet.write_string(r, 2, "Zhejiang").unwrap();
        sheet.write_string(r, 3, *key).unwrap();
        sheet.write_string(r, 4, "%").unwrap();
        sheet.write_string(r, 5, "bulletin").unwrap();
    }
    book.save(&sheet_path).unwrap();
    let s = sheet_path.to_str().unwrap();
    let out = ok(&run(&["import-actuals", "--project", p, s]));
    assert!(out.contains("recorded 2 actual(s)"), "{out}");
    let listed = ok(&run(&[
        "list",
        "--project",
        p,
        "--kind",
        "actual",
        "--json",
    ]));
    assert_eq!(
        listed.matches("\"csv:outcomes.xlsx\"").count(),
        2,
        "{listed}"
    );

    // the workbook: the targets sheet and the plan-versus-outcome sheet, numbers as numbers
    let xlsx = dir.join("targets.xlsx");
    ok(&run(&[
        "export-xlsx",
        "--project",
        p,
        "--out",
        xlsx.to_str().unwrap(),
    ]));
    let mut wb = calamine::open_workbook_auto(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), vec!["Targets", "Plan vs outcome"]);
    let targets = wb.worksheet_range("Targets").unwrap();
    let header: Vec<String> = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    for col in [
        "Province",
        "Year",
        "Indicator",
        "Value",
        "Unit",
        "Status",
        "Review",
        "Confidence",
    ] {
        assert!(header.iter().any(|h| h == col), "{col} in {header:?}");
    }
    let value_col = header.iter().position(|h| h == "Value").unwrap();
    let listed: serde_json::Value = serde_json::from_str(&ok(&run(&[
        "list",
        "--project",
        p,
        "--kind",
        "all",
        "--json",
    ])))
    .unwrap();
    let findings = listed
        .as_array()
        .unwrap()
        .iter()
        // findings of documents, not the outcomes recorded from them
        .filter(|r| r["source"] == "document" && r["target"].is_null())
        .count();
    assert_eq!(targets.height() - 1, findings);
    let first = targets.rows().nth(1).unwrap();
    assert!(
        matches!(first[value_col], calamine::Data::Float(_)),
        "{:?}",
        first[value_col]
    );
    let pvo = wb.worksheet_range("Plan vs outcome").unwrap();
    let gdp = pvo
        .rows()
        .find(|r| {
            r[0] == "Zhejiang" && r[3] == "GDP growth" && r[1] == calamine::Data::Float(2021.0)
        })
        .expect("Zhejiang's 2021 GDP growth target");
    assert_eq!(gdp[7], calamine::Data::Float(8.5));
    assert!(gdp[11].to_string().starts_with("met"), "{:?}", gdp[11]);

    // a zip bomb dressed as a spreadsheet is refused
    let bomb = dir.join("bomb.xlsx");
    std::fs::copy("tests/data/formats/bomb.docx", &bomb).unwrap();
    let e = fails(&run(&[
        "import-csv",
        "--project",
        p,
        bomb.to_str().unwrap(),
    ]));
    assert!(e.contains("zip bomb") || e.contains("read"), "{e}");
}

#[test]
fn spreadsheets_saved_by_libreoffice_record_as_their_csv_does() {
    // tests/data/formats/outcomes.{xlsx,xls,ods}: LibreOffice's conversions of one CSV
    for ext in ["xlsx", "xls", "ods"] {
        let dir = temp_dir(&format!("lo-{ext}"));
        let project = dir.join("p.ron");
        std::fs::copy("saves/sample.ron", &project).unwrap();
        let p = project.to_str().unwrap();
        let file = format!("tests/data/formats/outcomes.{ext}");
        let out = ok(&run(&["import-csv", "--project", p, &file]));
        assert!(
            out.contains("recorded 3 actual(s) from 3 row(s)"),
            "{ext}: {out}"
        );
        let listed = ok(&run(&[
            "list",
            "--project",
            p,
            "--kind",
            "actual",
            "--json",
        ]));
        assert!(listed.contains("1226000"), "{ext}: {listed}");
    }
}
