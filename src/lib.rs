//! PlanTrack: track Chinese plan targets against outcomes.
//!
//! Data flows one way: `import` (bytes -> text) -> `extract` (text -> findings) ->
//! `model::Project` (targets, actuals) -> `progress` (status) -> `chart` (screen and
//! files). `store` saves projects as RON. The GUI (`ui`) and the command line (`cli`)
//! call the same functions; nothing outside `ui` knows about egui.

pub mod actuals_csv;
pub mod chart;
pub mod cli;
pub mod extract;
pub mod import;
pub mod migrate;
pub mod model;
pub mod ops;
pub mod plan_review;
pub mod progress;
pub mod session;
pub mod spreadsheet;
pub mod store;
pub mod synth;
pub mod ui;
pub mod util;

// Loading a project allocates a few strings per record, hundreds of thousands of them;
// mimalloc does that markedly faster than the system allocator. Set here rather than
// in main.rs so that benchmarks and tests measure what the app runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
