//! `schaufenster-backend [--addr 127.0.0.1:8080] [--www DIR] [--config FILE] [--db FILE] [--faults] [--bench-products N] [--loyalty-secret SECRET]`

use std::io::Write;

#[tokio::main]
async fn main() {
    let opts = match schaufenster_backend::Options::from_args(std::env::args().skip(1)) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let faults = opts.faults;
    match schaufenster_backend::serve(opts).await {
        Ok((addr, handle)) => {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "Schaufenster demo: http://{addr}/");
            let _ = out.flush();
            drop(out);
            if faults {
                eprintln!("fault injection enabled: PUT /api/_faults");
            }
            tokio::select! {
                _ = handle => {}
                _ = tokio::signal::ctrl_c() => {}
            }
        }
        Err(e) => {
            eprintln!("schaufenster-backend: {e}");
            std::process::exit(1);
        }
    }
}
