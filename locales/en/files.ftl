## Spreadsheets an officer sends (trainings, the list of licensed placement companies)

sheet-line = Line { $line }: { $problem }
sheet-more = …and { $count } more.
sheet-not-utf8 = the file is not UTF-8 text. Save it again as "CSV UTF-8".
sheet-too-big = The file is too big (1 MB at most).
sheet-header = the header must be { $columns } (missing: { $missing }; unknown: { $unknown }).
sheet-field-count = has { $found ->
        [one] 1 column
       *[other] { $found } columns
    } instead of { $expected }.
sheet-unreadable = cannot be read ({ $detail }).
sheet-spreadsheet = Save the spreadsheet as "CSV UTF-8" (.csv) and send that file. I can import trainings and the list of licensed placement companies.
sheet-download-failed = Sorry, I could not download that file. Please send it once more.
