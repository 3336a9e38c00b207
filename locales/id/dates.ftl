# Tanggal dan waktu, misalnya "Sabtu, 5 Desember 2026 pukul 09.00 WIB".

date-time = { $weekday }, { $day } { $month } { $year } pukul { $clock } { $zone }
date-day = { $day } { $month } { $year }
date-weekday-1 = Senin
date-weekday-2 = Selasa
date-weekday-3 = Rabu
date-weekday-4 = Kamis
date-weekday-5 = Jumat
date-weekday-6 = Sabtu
date-weekday-7 = Minggu
date-month-1 = Januari
date-month-2 = Februari
date-month-3 = Maret
date-month-4 = April
date-month-5 = Mei
date-month-6 = Juni
date-month-7 = Juli
date-month-8 = Agustus
date-month-9 = September
date-month-10 = Oktober
date-month-11 = November
date-month-12 = Desember
