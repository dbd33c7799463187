//! The `folio` binary: parse the command line, read the clock (the only place
//! that does), run, print. Errors become one sentence on stderr and exit 1;
//! usage errors exit 2 (clap).

#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use folio::cli::run;

fn main() -> ExitCode {
    // The language first, from the arguments as they are, so that clap's
    // help and errors are in it too (`cli::help`).
    let flag = folio::format::lang_in_args(std::env::args_os());
    let locale = folio::cli::choose_locale(flag);
    let mut cli = folio::cli::help::parse(locale);
    cli.locale = locale;
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // `run` takes the command line; its errors are said in this language.
    let locale = cli.locale;
    match run(cli, today) {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`folio touch list | head`) is not an error.
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("folio: {}", folio::cli::cannot_write_output(locale, &e));
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            // Errors quote what was typed or stored ("no client named
            // '...'"): its control characters are shown, never sent.
            let message = folio::format::explain(locale, &e);
            eprintln!("folio: {}", folio::domain::text::escape_lines(&message));
            ExitCode::FAILURE
        }
    }
}
