//! Bar charts as PNG images, drawn here (no external service) with an embedded font.

use std::sync::Once;

use plotters::prelude::*;

/// One chart panel: a title and labelled bars, already in the reader's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    pub title: String,
    pub bars: Vec<(String, i64)>,
}

#[derive(Debug, thiserror::Error)]
#[error("chart: {0}")]
pub struct ChartError(String);

const WIDTH: u32 = 1200;
const PANEL_HEIGHT: u32 = 420;

static FONT: Once = Once::new();

fn register_font() {
    FONT.call_once(|| {
        if plotters::style::register_font("sans-serif", FontStyle::Normal, dejavu::sans::regular())
            .is_err()
        {
            tracing::error!("the embedded chart font could not be loaded");
        }
    });
}

/// Draws the panels one under the other and encodes the picture as PNG.
pub fn draw(panels: &[Panel]) -> Result<Vec<u8>, ChartError> {
    register_font();
    let height = PANEL_HEIGHT * u32::try_from(panels.len().max(1)).unwrap_or(1);
    let mut pixels = vec![255u8; (WIDTH * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| ChartError(e.to_string()))?;
        let areas = root.split_evenly((panels.len().max(1), 1));
        for (panel, area) in panels.iter().zip(areas.iter()) {
            draw_panel(area, panel)?;
        }
        root.present().map_err(|e| ChartError(e.to_string()))?;
    }
    encode_png(&pixels, WIDTH, height)
}

fn draw_panel(
    area: &DrawingArea<BitMapBackend<'_>, plotters::coord::Shift>,
    panel: &Panel,
) -> Result<(), ChartError> {
    let top = panel.bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let count = panel.bars.len().max(1);
    let labels: Vec<String> = panel.bars.iter().map(|(label, _)| label.clone()).collect();
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, ("sans-serif", 26))
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(60)
        // A segmented 0..n has n + 1 segments: one per bar is 0..n - 1.
        .build_cartesian_2d((0..count - 1).into_segmented(), 0i64..(top + top / 10 + 1))
        .map_err(|e| ChartError(e.to_string()))?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(count)
        .x_label_formatter(&|x| match x {
            SegmentValue::CenterOf(i) => labels.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .label_style(("sans-serif", 16))
        .draw()
        .map_err(|e| ChartError(e.to_string()))?;
    chart
        .draw_series(
            Histogram::vertical(&chart)
                .style(RGBColor(33, 118, 174).filled())
                .margin(6)
                .data(panel.bars.iter().enumerate().map(|(i, (_, v))| (i, *v))),
        )
        .map_err(|e| ChartError(e.to_string()))?;
    Ok(())
}

fn encode_png(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ChartError> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder
            .write_header()
            .map_err(|e| ChartError(e.to_string()))?;
        writer
            .write_image_data(rgb)
            .map_err(|e| ChartError(e.to_string()))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_a_png_with_every_panel() {
        let panels = vec![
            Panel {
                title: "Pendaftaran per minggu".into(),
                bars: vec![("05/10".into(), 3), ("12/10".into(), 12)],
            },
            Panel {
                title: "Peran".into(),
                bars: vec![("Purna PMI".into(), 40), ("Keluarga".into(), 0)],
            },
        ];
        let png = draw(&panels).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert!(png.len() > 1000);
        if let Ok(path) = std::env::var("CHART_OUT") {
            std::fs::write(path, &png).unwrap();
        }
        // An empty chart still draws.
        assert!(
            draw(&[Panel {
                title: "-".into(),
                bars: vec![]
            }])
            .is_ok()
        );
    }
}
