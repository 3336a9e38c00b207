//! Figures, their targets, the printed table and the JSON file.

use std::{path::PathBuf, time::Duration};

use serde_json::{Value, json};

#[derive(Clone, Copy, Debug)]
pub enum Target {
    AtLeast(f64),
    Below(f64),
    AtMost(f64),
}

impl Target {
    fn met(self, value: f64) -> bool {
        match self {
            Target::AtLeast(t) => value >= t,
            Target::Below(t) => value < t,
            Target::AtMost(t) => value <= t,
        }
    }

    fn show(self) -> String {
        match self {
            Target::AtLeast(t) => format!(">= {}", number(t)),
            Target::Below(t) => format!("< {}", number(t)),
            Target::AtMost(t) => format!("<= {}", number(t)),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Figure {
    pub name: String,
    pub value: f64,
    pub unit: &'static str,
    pub target: Option<Target>,
}

impl Figure {
    pub fn new(name: &str, value: f64, unit: &'static str) -> Figure {
        Figure {
            name: name.to_owned(),
            value,
            unit,
            target: None,
        }
    }

    pub fn millis(name: &str, d: Duration) -> Figure {
        Figure::new(name, d.as_secs_f64() * 1000.0, "ms")
    }

    pub fn target(mut self, target: Target) -> Figure {
        self.target = Some(target);
        self
    }
}

/// The `p`th percentile (0..=100) of unsorted durations; zero for none.
pub fn percentile(samples: &[Duration], p: f64) -> Duration {
    if samples.is_empty() {
        return Duration::ZERO;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_unstable();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn number(v: f64) -> String {
    if v.abs() >= 100.0 || v.fract() == 0.0 {
        format!("{v:.0}")
    } else if v.abs() >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

pub struct Report {
    rows: Vec<(String, Figure)>,
    parts: serde_json::Map<String, Value>,
}

impl Report {
    pub fn new() -> Report {
        Report {
            rows: Vec::new(),
            parts: serde_json::Map::new(),
        }
    }

    pub fn machine_line(&self) -> String {
        let m = machine();
        format!(
            "machine: {} cores, {}, {} MiB memory; load average {}",
            m["cores"], m["cpu"], m["memory_mib"], m["load_average"]
        )
    }

    pub fn add(&mut self, part: &str, figures: Vec<Figure>) {
        let list: Vec<Value> = figures
            .iter()
            .map(|f| {
                json!({
                    "name": f.name,
                    "value": f.value,
                    "unit": f.unit,
                    "target": f.target.map(Target::show),
                    "met": f.target.map(|t| t.met(f.value)),
                })
            })
            .collect();
        self.parts.insert(
            part.to_owned(),
            json!({
                "ran_at_unix": chrono::Utc::now().timestamp(),
                "load_average_after": load_average(),
                "figures": list,
            }),
        );
        for figure in figures {
            println!(
                "  {:<58} {:>12} {}",
                figure.name,
                number(figure.value),
                figure.unit
            );
            self.rows.push((part.to_owned(), figure));
        }
    }

    /// Prints the table and merges the figures into the JSON file.
    pub fn finish(self) {
        println!();
        println!("| part | figure | value | unit | target | met |");
        println!("|---|---|---:|---|---|---|");
        for (part, f) in &self.rows {
            let (target, met) = match f.target {
                Some(t) => (t.show(), if t.met(f.value) { "yes" } else { "**no**" }),
                None => (String::new(), ""),
            };
            println!(
                "| {part} | {} | {} | {} | {target} | {met} |",
                f.name,
                number(f.value),
                f.unit
            );
        }
        println!();
        println!("{}", self.machine_line());

        let path = output_path();
        let mut all: serde_json::Map<String, Value> = std::fs::read_to_string(&path)
            .ok()
            .and_then(|s| serde_json::from_str::<Value>(&s).ok())
            .and_then(|v| v.get("parts").and_then(Value::as_object).cloned())
            .unwrap_or_default();
        all.extend(self.parts);
        let document = json!({ "machine": machine(), "parts": all });
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match std::fs::write(
            &path,
            serde_json::to_string_pretty(&document).unwrap_or_default(),
        ) {
            Ok(()) => println!("figures written to {}", path.display()),
            Err(e) => eprintln!("cannot write {}: {e}", path.display()),
        }
    }
}

pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn output_path() -> PathBuf {
    target_dir().join("bench").join("figures.json")
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cores = cpuinfo
        .lines()
        .filter(|l| l.starts_with("processor"))
        .count();
    let cpu = Some(&cpuinfo)
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let memory_mib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024);
    json!({
        // Not `available_parallelism`: the benchmark keeps its own threads to one CPU.
        "cores": cores,
        "cpus": crate::cpus::description(),
        "cpu": cpu,
        "memory_mib": memory_mib,
        "load_average": load_average(),
    })
}
