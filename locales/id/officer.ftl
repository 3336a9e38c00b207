# Statistik dan ekspor untuk petugas.

stats-summary =
    📊 Statistik
    Pengguna: { $users } (aktif { $active }, memblokir bot { $blocked })
    Bahasa: Indonesia { $id } · Inggris { $en }
    Terdaftar: { $registered } (purna PMI { $returnee }, keluarga { $family }, calon PMI { $prospective })
    Pendaftaran baru: { $week } dalam 7 hari, { $month } dalam 30 hari
stats-villages = Desa terbanyak: { $list }
stats-village = { $village } ({ $count })
stats-week = { $date }
stats-role-returnee = Purna PMI
stats-role-family = Keluarga PMI
stats-role-prospective = Calon PMI
stats-chart-weeks = Pendaftaran per minggu
stats-chart-roles = Terdaftar menurut peran
stats-chart-caption = Grafik pendaftaran 12 minggu terakhir dan menurut peran.

export-choose = Data mana yang ingin diunduh? Berkas CSV bisa dibuka di Excel atau Google Sheets.
export-button-registrations = 📄 Pendaftaran
export-coming = Berkas sedang disiapkan…
export-failed = Maaf, berkas tidak bisa dibuat. Silakan coba lagi.
stats-questions = Pertanyaan yang menunggu jawaban: { $count }
stats-trainings = Pelatihan terdekat (terisi/kapasitas): { $list }
stats-training = { $title } { $booked }/{ $capacity }{ $waiting ->
        [0] {""}
       *[other] {" "}(+{ $waiting } antre)
    }
