//! The GUI driven headless with egui_kittest: open the sample, filter by province and
//! year, pick a target, record an actual, see the status and the chart change, undo.

use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use plantrack::model::Kind;
use plantrack::progress::Status;
use plantrack::session::Session;
use plantrack::ui::{PlanTrackApp, Prefs, Tab};

fn sample_app() -> PlanTrackApp {
    let project =
        plantrack::store::load(std::path::Path::new("saves/sample.ron")).expect("sample project");
    PlanTrackApp::new(Session::new(project, None), Prefs::default())
}

fn harness(app: PlanTrackApp) -> Harness<'static, PlanTrackApp> {
    Harness::builder()
        .with_size([1500.0, 950.0])
        // Documents hold CJK punctuation ("【News】"); the app draws it with the system's
        // fonts, which a test machine may lack: a missing glyph is not a failure here.
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut PlanTrackApp| app.ui_root(ui), app)
}

/// Focus the field named `label`, then type into it.
fn type_into(h: &mut Harness<'static, PlanTrackApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn record_an_actual_and_see_the_status_change() {
    let mut h = harness(sample_app());
    h.run();
    // the sample project lists its provinces with counts
    h.get_by_label_contains("Zhejiang (").click();
    h.run();
    assert_eq!(h.state().view.province.as_deref(), Some("Zhejiang"));
    // the year filter, not a year cell of the table
    h.get_all_by_label("2021")
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label)
        .expect("year filter")
        .click();
    h.run();
    let shown = h.state().cache.rows.len();
    assert!(shown > 5, "Zhejiang has 2021 targets: {shown}");
    assert!(h.state().cache.rows.iter().all(|&i| {
        let f = &h.state().session.project.findings[i];
        f.data.province == "Zhejiang" && f.data.year == 2021
    }));

    // pick the GDP growth target: details show its sentence and "no data"
    h.get_by_label("GDP growth").click();
    h.run();
    let id = h.state().view.selected.expect("a target is selected");
    let f = h.state().session.project.finding(id).unwrap().clone();
    assert_eq!(
        (f.data.kind, f.data.value, f.data.comparator.symbol()),
        (Kind::Target, 6.5, ">")
    );
    assert_eq!(h.state().cache.status.status(id), Some(Status::NoData));
    h.get_by_label_contains("make GDP grow more than");

    // record 8.5% for 2021: "above 6.5%" is met
    type_into(&mut h, "Value", "8.5");
    type_into(&mut h, "Note", "2022 work report");
    h.get_by_label("Record actual").click();
    h.run();
    assert_eq!(h.state().cache.status.status(id), Some(Status::Met));
    assert_eq!(h.state().session.project.observations_of(id).count(), 1);
    assert!(h.state().session.is_dirty());
    assert!(!h.get_all_by_label("● met").collect::<Vec<_>>().is_empty());

    // the chart of the target now has the actual
    h.get_by_label("Charts").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Charts);
    let spec = h.state_mut().current_chart().expect("a timeline");
    let plantrack::chart::Body::Xy { series, .. } = &spec.body else {
        panic!("timeline")
    };
    let actual = series
        .iter()
        .find(|s| s.name == "actual")
        .expect("actual series");
    assert_eq!(actual.points, vec![(2021.0, 8.5)]);

    // edit the actual to 6.0: missed
    h.get_by_label("Details").click();
    h.run();
    h.get_by_label("Edit the 2021 actual").click();
    h.run();
    h.get_by_label("Value").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Value").type_text("6.0");
    h.run();
    assert_eq!(h.state().view.record.value, "6.0");
    h.get_by_label("Save actual").click();
    h.run();
    assert_eq!(h.state().cache.status.status(id), Some(Status::Missed));

    // undo twice: back to no actual
    h.state_mut().undo();
    h.state_mut().undo();
    h.run();
    assert_eq!(h.state().cache.status.status(id), Some(Status::NoData));
    assert_eq!(h.state().session.project.observations_of(id).count(), 0);
}

#[test]
fn review_and_bulk_accept() {
    let mut h = harness(sample_app());
    h.run();
    h.get_by_label_contains("Shanghai (").click();
    h.run();
    h.get_by_label("citizen fitness trails").click();
    h.run();
    h.get_by_label("Reject").click();
    h.run();
    let id = h.state().view.selected.unwrap();
    assert_eq!(
        h.state().session.project.finding(id).unwrap().review,
        plantrack::model::Review::Rejected
    );
    // rejected targets leave the table unless asked for
    assert!(
        h.state()
            .cache
            .rows
            .iter()
            .all(|&i| h.state().session.project.findings[i].id != id)
    );
    h.get_by_label_contains("Accept 3 suggested").click();
    h.run();
    let accepted = h
        .state()
        .session
        .project
        .findings
        .iter()
        .filter(|f| f.data.province == "Shanghai" && f.review == plantrack::model::Review::Accepted)
        .count();
    // Shanghai's three 2021 targets and its 2023 growth target from the roundup, less the one rejected
    assert_eq!(accepted, 3);
    assert_eq!(
        h.state().session.history.undo_label(),
        Some("accept 3 findings")
    );
}

#[test]
fn search_and_sort() {
    let mut h = harness(sample_app());
    h.run();
    type_into(&mut h, "Search", "urbanization");
    let rows = h.state().cache.rows.clone();
    assert!(!rows.is_empty());
    for &i in &rows {
        let d = &h.state().session.project.findings[i].data;
        let hay = format!(
            "{} {}",
            d.indicator,
            d.indicator_key.as_deref().unwrap_or("")
        )
        .to_lowercase();
        assert!(hay.contains("urbanization"), "{hay}");
    }
    h.get_by_label_contains("Year").click();
    h.run();
    let years: Vec<i32> = h
        .state()
        .cache
        .rows
        .iter()
        .map(|&i| h.state().session.project.findings[i].data.year)
        .collect();
    let mut sorted = years.clone();
    sorted.sort();
    assert_eq!(years, sorted);
}

#[test]
fn empty_project_explains_how_to_start() {
    let app = PlanTrackApp::new(
        Session::new(plantrack::model::Project::default(), None),
        Prefs::default(),
    );
    let mut h = harness(app);
    h.run();
    h.get_by_label("No targets yet");
    h.get_by_label_contains("Import plan documents");
}

#[test]
fn document_viewer_shows_the_source() {
    let mut h = harness(sample_app());
    h.run();
    h.get_by_label_contains("Zhejiang (").click();
    h.run();
    h.get_by_label("GDP growth").click();
    h.run();
    h.get_by_label("Show in document").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Document);
    h.get_by_label_contains("zhejiang-2021-government-work-report.txt");
}

/// A CSV of 2021 outcomes: the preview shows each row with its target or its error,
/// recording takes the good rows in one undoable step, and the statuses change.
#[test]
fn import_actuals_from_csv_with_a_preview() {
    let dir = std::env::temp_dir().join(format!("plantrack-ui-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("zhejiang-2021.csv");
    std::fs::write(
        &csv,
        "province,indicator,year,value,unit,source\n\
         Zhejiang,gdp_growth,2021,8.5,%,Zhejiang statistical bulletin 2021\n\
         Zhejiang,surveyed_unemployment,2021,4.6,%,bulletin\n\
         Zhejiang,gdp_growth,twenty-one,8.5,%,\n",
    )
    .unwrap();
    let mut h = harness(sample_app());
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut().picked(
        plantrack::ui::Pick::ImportActualsCsv,
        vec![csv.clone()],
        &ctx,
    );
    h.run();
    h.get_by_label("Actuals from zhejiang-2021.csv");
    h.get_by_label_contains("2 row(s) match targets");
    h.get_by_label("\"twenty-one\" is not a year");
    // the sample's own outcomes (from its later reports) and nothing yet from the table
    let before = h.state().session.project.observations.len();
    assert!(
        h.state()
            .session
            .project
            .observations
            .iter()
            .all(|o| !o.source_ref.contains("bulletin"))
    );
    h.get_by_label("Record 2 actual(s)").click();
    h.run();
    let p = &h.state().session.project;
    assert_eq!(p.observations.len(), before + 2);
    let gdp = p.observations.iter().find(|o| o.value == 8.5).unwrap();
    assert_eq!(gdp.source_ref, "Zhejiang statistical bulletin 2021");
    assert_eq!(h.state().cache.status.status(gdp.target), Some(Status::Met));
    assert!(h.state().modal.is_none());
    // one step to undo
    h.state_mut().undo();
    h.run();
    assert_eq!(h.state().session.project.observations.len(), before);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The overview chart filters the table: clicking a province's segment of a status
/// shows that province and status only.
#[test]
fn clicking_the_overview_filters_the_table() {
    let mut h = harness(sample_app());
    h.run();
    h.get_by_label("Charts").click();
    h.run();
    h.get_by_label("Overview").click();
    h.run();
    h.run();
    let spec = h.state_mut().current_chart().expect("an overview");
    let plantrack::chart::Body::Bars { groups, bars, .. } = &spec.body else {
        panic!("bars")
    };
    let g = groups
        .iter()
        .position(|p| p == "Zhejiang")
        .expect("Zhejiang");
    let n = bars
        .iter()
        .filter(|b| b.group == g)
        .map(|b| b.value)
        .sum::<f64>();
    // the middle of Zhejiang's bar, in screen coordinates
    let memory = egui_plot::PlotMemory::load(&h.ctx, egui::Id::unique("charts-plot"))
        .expect("the plot was drawn");
    let pos = memory
        .transform()
        .position_from_point(&egui_plot::PlotPoint::new(
            n / 2.0,
            plantrack::chart::bar_row(groups.len(), g),
        ));
    h.event(egui::Event::PointerMoved(pos));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    assert_eq!(h.state().view.province.as_deref(), Some("Zhejiang"));
    let status = h.state().view.status.expect("a status segment");
    assert!(!h.state().cache.rows.is_empty());
    let p = &h.state().session.project;
    for &i in &h.state().cache.rows {
        assert_eq!(p.findings[i].data.province, "Zhejiang");
        assert_eq!(
            h.state().cache.status.status(p.findings[i].id),
            Some(status)
        );
    }
}

/// Importing a later report proposes the outcomes it states for earlier targets; the
/// user ticks and records them in one step.
#[test]
fn a_later_report_proposes_outcomes_for_earlier_targets() {
    let dir = std::env::temp_dir().join(format!("plantrack-ui-later-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join("zhejiang-2022-government-work-report.txt");
    std::fs::write(
        &doc,
        "Report on the Work of the Government of Zhejiang Province 2022\n\n\
         In 2021, the GDP of the province grew by 8.5%, and the surveyed urban unemployment rate was 4.6%.\n",
    )
    .unwrap();
    let mut h = harness(sample_app());
    h.run();
    let ctx = h.ctx.clone();
    h.state_mut()
        .picked(plantrack::ui::Pick::ImportDocuments, vec![doc], &ctx);
    let started = std::time::Instant::now();
    while !matches!(h.state().modal, Some(plantrack::ui::Modal::Proposals(_))) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "no proposals: {:?}",
            h.state().modal
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        // the import repaints as it goes: single frames, not "run until settled"
        h.step();
    }
    h.run_steps(8);
    h.get_by_label("Outcomes of earlier targets");
    h.get_by_label_contains("Zhejiang GDP growth target of 2021");
    let before = h.state().session.project.observations.len();
    let n = h.state().view.proposal_checks.len();
    h.get_by_label(&format!("Record {n} actual(s)")).click();
    h.run_steps(8);
    let p = &h.state().session.project;
    assert_eq!(p.observations.len(), before + n);
    let gdp = p
        .observations
        .iter()
        .find(|o| o.value == 8.5 && o.year == 2021)
        .expect("the GDP growth outcome");
    assert_eq!(gdp.year, 2021);
    assert_eq!(h.state().cache.status.status(gdp.target), Some(Status::Met));
    let _ = std::fs::remove_dir_all(&dir);
}

/// The document panel shows the report date with its evidence; correcting the year reads
/// the document again, keeps what the user reviewed, and can be undone.
#[test]
fn correct_a_documents_report_year() {
    let mut app = sample_app();
    let doc = app
        .session
        .project
        .documents
        .iter()
        .find(|d| d.file_name.starts_with("zhejiang"))
        .unwrap()
        .id;
    // the user accepted one finding of the document
    let accepted = app
        .session
        .project
        .findings
        .iter()
        .position(|f| f.doc == doc && f.data.year == 2021)
        .unwrap();
    app.session.project.findings[accepted].review = plantrack::model::Review::Accepted;
    let accepted_id = app.session.project.findings[accepted].id;
    app.view.doc = Some(doc);
    app.view.tab = Tab::Document;
    let mut h = harness(app);
    h.run();
    h.get_by_label_contains("2021-01-26, from the delivery date");
    h.get_by_label("Change...").click();
    h.run();
    // the year field, then read again as written in 2022
    h.state_mut().view.date_edit = Some((doc, 2022));
    h.run();
    h.get_by_label("Read again").click();
    h.run();
    let p = &h.state().session.project;
    let d = p.document(doc).unwrap();
    assert_eq!(d.report_year, Some(2022));
    assert_eq!(d.report_date_note, "2022, set by you");
    // "this year" is now 2022: the annual targets moved, the accepted one stayed
    let years: Vec<i32> = p
        .findings
        .iter()
        .filter(|f| f.doc == doc)
        .map(|f| f.data.year)
        .collect();
    assert!(years.contains(&2022), "{years:?}");
    let kept = p.finding(accepted_id).unwrap();
    assert_eq!(kept.data.year, 2021);
    assert_eq!(kept.review, plantrack::model::Review::Accepted);
    // one step back
    h.state_mut().undo();
    h.run();
    assert_eq!(
        h.state().session.project.document(doc).unwrap().report_year,
        Some(2021)
    );
}
