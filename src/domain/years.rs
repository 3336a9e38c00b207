/// How many years someone worked abroad, 0 to 50. Accepts "3", "3 tahun", "3 years", "2,5".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearsAbroad(u8);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum YearsError {
    #[error("not a number")]
    NotANumber,
    #[error("negative")]
    Negative,
    #[error("more than a working life")]
    TooMany,
}

impl YearsAbroad {
    pub const MAX: u8 = 50;

    pub fn parse(input: &str) -> Result<YearsAbroad, YearsError> {
        let text = input.trim();
        if text.starts_with('-') {
            return Err(YearsError::Negative);
        }
        let number: String = text
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        let rest = text[number.len()..].trim().to_lowercase();
        if number.is_empty()
            || !(rest.is_empty()
                || ["tahun", "thn", "th", "years", "year", "yrs", "yr"].contains(&rest.as_str()))
        {
            return Err(YearsError::NotANumber);
        }
        let value: f64 = number
            .replace(',', ".")
            .parse()
            .map_err(|_| YearsError::NotANumber)?;
        if value > f64::from(YearsAbroad::MAX) {
            return Err(YearsError::TooMany);
        }
        // Part of a year counts as a year begun.
        Ok(YearsAbroad(value.ceil() as u8))
    }

    pub fn new(years: u8) -> Option<YearsAbroad> {
        (years <= YearsAbroad::MAX).then_some(YearsAbroad(years))
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_years() {
        assert_eq!(YearsAbroad::parse("3").unwrap().get(), 3);
        assert_eq!(YearsAbroad::parse("3 tahun").unwrap().get(), 3);
        assert_eq!(YearsAbroad::parse("10 Years").unwrap().get(), 10);
        assert_eq!(YearsAbroad::parse("2,5").unwrap().get(), 3);
        assert_eq!(YearsAbroad::parse("0").unwrap().get(), 0);
    }

    #[test]
    fn impossible_years() {
        assert_eq!(YearsAbroad::parse("-3"), Err(YearsError::Negative));
        assert_eq!(YearsAbroad::parse("90"), Err(YearsError::TooMany));
        assert_eq!(YearsAbroad::parse("banyak"), Err(YearsError::NotANumber));
        assert_eq!(YearsAbroad::parse("3 bulan"), Err(YearsError::NotANumber));
        assert_eq!(YearsAbroad::parse("1.2.3"), Err(YearsError::NotANumber));
        assert_eq!(
            YearsAbroad::parse(&"9".repeat(5000)),
            Err(YearsError::TooMany)
        );
    }
}
