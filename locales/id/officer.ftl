# Statistik dan ekspor untuk petugas.

stats-computing = 📊 Statistik sedang dihitung, sebentar lagi muncul di sini…
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
stats-area-country = 🇮🇩 Seluruh Indonesia
stats-area = 📍 Wilayah Anda: { $areas }
stats-by-regency =
    Per kabupaten/kota (waktu sampai jawaban pertama: nilai tengah { $days } hari terakhir):
    { $list }{ $more ->
        [0] {""}
       *[other] {"\u000A"}…dan { $more } lagi (lengkapnya di /ekspor)
    }
stats-by-village =
    Per desa (waktu sampai jawaban pertama: nilai tengah { $days } hari terakhir):
    { $list }{ $more ->
        [0] {""}
       *[other] {"\u000A"}…dan { $more } lagi (lengkapnya di /ekspor)
    }
stats-area-row = • { $area }: { $registered } terdaftar · { $seats } kursi · { $open } terbuka, { $overdue } lewat { $hours } jam · { $median }
stats-median-none = belum ada jawaban
stats-minutes = { $n } menit
stats-hours = { $n } jam
stats-days = { $n } hari
stats-bar = { $label }
stats-chart-regencies = Terdaftar per kabupaten/kota
stats-chart-villages = Terdaftar per desa
stats-chart-caption = Grafik pendaftaran 12 minggu terakhir dan menurut peran.

export-choose = Data mana yang ingin diunduh? Berkas CSV bisa dibuka di Excel atau Google Sheets.
export-button-registrations = 📄 Warga terdaftar
export-coming = Berkas sedang disiapkan…
export-failed = Maaf, berkas tidak bisa dibuat. Silakan coba lagi.
export-too-big = Maaf, berkas ini terlalu besar untuk dikirim lewat Telegram (lebih dari 50 MB, walau sudah di-ZIP).
export-zipped = Berkasnya besar, jadi dikirim dalam bentuk ZIP. Buka berkas ZIP ini untuk mengambil CSV di dalamnya.
stats-questions = Pertanyaan yang menunggu jawaban: { $count }
stats-trainings = Pelatihan terdekat (terisi/kapasitas): { $list }
stats-training = { $title } { $booked }/{ $capacity }{ $waiting ->
        [0] {""}
       *[other] {" "}(+{ $waiting } antre)
    }

# Grup petugas (ADMIN_CHAT_ID) yang juga berisi orang lain, atau belum diperiksa: tanpa data pribadi.
officers-group-not-private = 🔒 Grup ini berisi orang yang bukan petugas (atau belum diperiksa), jadi data pribadi tidak ditampilkan di sini. Silakan buka di obrolan pribadi Anda dengan bot.
officers-group-open-bot = 💬 Buka obrolan dengan bot
question-notice-group = ❓ Ada pesan baru untuk pertanyaan no. { $number }. Isinya hanya tampil di obrolan pribadi petugas dengan bot. Untuk menjawab, balas pesan ini.
coop-notice-group = 🤝 Ada permintaan bergabung koperasi baru, no. { $number }. Rinciannya ada di obrolan pribadi petugas dengan bot.
