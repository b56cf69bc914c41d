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

/// Tune the allocator for PlanTrack's work, first thing in `main`: extraction threads free
/// what other threads allocated by the million, and with mimalloc's default of keeping
/// freed pages for a second, `extract` on a 50 MB file peaks 20 MB higher for no gain in
/// speed (measured: 157-170 MB against 139-142 MB, the same 0.7 s). 100 ms rather than
/// 10: as little memory, and 10 ms made the Chinese reader give back and fault in the same
/// pages over and over (20 MB of Chinese: 0.71-0.83 s against 0.60-0.62 s).
pub fn tune_allocator() {
    // mi_option_purge_delay (mimalloc.h, option 15), in milliseconds
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: sets a plain integer option, before any other thread exists
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 100) };
}
