//! A QR code as a PNG to print: black modules on white, 8 pixels each, with the four-module
//! quiet zone scanners need.

use qrcode::{Color, EcLevel, QrCode};

const MODULE_PIXELS: usize = 8;
const QUIET_MODULES: usize = 4;

#[derive(Debug, thiserror::Error)]
pub enum QrError {
    #[error("too long for a QR code: {0}")]
    Encode(#[from] qrcode::types::QrError),
    #[error("PNG: {0}")]
    Png(#[from] png::EncodingError),
}

/// `text` as a QR code (error correction M: a printed poster survives a smudge).
pub fn png(text: &str) -> Result<Vec<u8>, QrError> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)?;
    let modules = code.width();
    let colors = code.to_colors();
    let side = (modules + 2 * QUIET_MODULES) * MODULE_PIXELS;
    let mut pixels = vec![255u8; side * side];
    for (i, color) in colors.iter().enumerate() {
        if *color != Color::Dark {
            continue;
        }
        let (x, y) = (i % modules + QUIET_MODULES, i / modules + QUIET_MODULES);
        for dy in 0..MODULE_PIXELS {
            let row = (y * MODULE_PIXELS + dy) * side;
            let start = row + x * MODULE_PIXELS;
            pixels[start..start + MODULE_PIXELS].fill(0);
        }
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, side as u32, side as u32);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&pixels)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_png_with_a_quiet_zone() {
        let png =
            png("https://t.me/desmigratif_bot?start=petugas-0123456789abcdef0123456789abcdef")
                .unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let decoder = ::png::Decoder::new(std::io::Cursor::new(&png));
        let mut reader = decoder.read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        let side = reader.info().width as usize;
        assert_eq!(side % MODULE_PIXELS, 0);
        // The quiet zone is white; the finder pattern's corner is black.
        assert_eq!(pixels[0], 255);
        let corner = QUIET_MODULES * MODULE_PIXELS;
        assert_eq!(pixels[corner * side + corner], 0);
    }
}
