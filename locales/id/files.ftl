## Spreadsheets an officer sends (trainings, the list of licensed placement companies)

sheet-line = Baris { $line }: { $problem }
sheet-more = …dan { $count } masalah lagi.
sheet-not-utf8 = file bukan teks UTF-8. Simpan ulang sebagai "CSV UTF-8".
sheet-too-big = File terlalu besar (paling besar 1 MB).
sheet-header = baris judul kolom harus { $columns } (kurang: { $missing }; tidak dikenal: { $unknown }).
sheet-field-count = ada { $found } kolom, seharusnya { $expected }.
sheet-unreadable = tidak bisa dibaca ({ $detail }).
sheet-spreadsheet = Simpan lembar kerja sebagai "CSV UTF-8" (.csv), lalu kirim file itu. File pelatihan dan daftar P3MI berizin bisa saya impor.
sheet-download-failed = Maaf, file itu gagal saya unduh. Silakan kirim sekali lagi.
