# Pengumuman petugas: menulis, memilih penerima, pratinjau, kemajuan pengiriman, laporan.

broadcast-ask-text = 📣 Tulis pengumuman dalam { $language }. Bisa berupa teks, atau foto dengan keterangan.
broadcast-offer-other = Tambahkan versi { $language }? Penerima yang memakai { $language } akan mendapat versi itu; tanpa itu, semua orang mendapat versi yang sudah ditulis.
broadcast-button-add-other = ➕ Tambah { $language }
broadcast-button-skip-other = ➡️ Lewati
broadcast-ask-other-text = Tulis versi { $language }:
broadcast-text-or-photo = Mohon kirim teks, atau foto dengan keterangan.
broadcast-text-empty = Pengumuman tidak boleh kosong.
broadcast-text-too-long = Pengumuman terlalu panjang: { $length } huruf, paling banyak { $max }.
broadcast-ask-audience = Kirim kepada siapa?
broadcast-audience-button = { $audience } ({ $count })
broadcast-audience-everyone = Semua pengguna
broadcast-audience-returnee = Purna PMI
broadcast-audience-family = Keluarga PMI
broadcast-audience-prospective = Calon PMI
broadcast-audience-lang-id = Pengguna berbahasa Indonesia
broadcast-audience-lang-en = Pengguna berbahasa Inggris
broadcast-audience-village = 📍 Satu desa…
broadcast-audience-village-named = Warga terdaftar desa { $village }
broadcast-ask-village = Ketik beberapa huruf nama desanya (misalnya: kenanga). Untuk satu kecamatan atau satu kabupaten, tekan «🗺️ Pilih kabupaten/kota».
broadcast-ask-when = Kapan dikirim?
broadcast-button-now = 🚀 Sekarang
broadcast-button-later = 🕘 Nanti…
broadcast-ask-time = Ketik tanggal dan jamnya, misalnya { $example }
broadcast-time-format = Tanggal dan jam belum bisa saya baca. Tulis seperti ini: { $example }
broadcast-time-past = Waktu itu sudah lewat. Mohon pilih waktu yang akan datang.
broadcast-when-now = segera
broadcast-when-at = pada { $time }
broadcast-preview-intro = Pratinjau pengumuman untuk { $audience }: { $count } orang, dikirim { $when }. Beginilah tampilannya bagi penerima:
broadcast-confirm = Kirim pengumuman ini?
broadcast-button-send = ✅ Kirim ke { $count } orang
broadcast-button-edit = ✏️ Ubah teks
broadcast-button-add-join = 🎓 Tambah tombol pelatihan
broadcast-button-remove-join = ➖ Hapus tombol pelatihan
broadcast-ask-join-training = Pelatihan mana? Di bawah pengumuman akan ada tombol «✍️ Ikut pelatihan ini»: sekali tekan, penerima ikut pelatihan itu.
broadcast-join-training = ✍️ Ikut pelatihan ini
broadcast-started = 📣 Pengumuman #{ $id } mulai dikirim. Kemajuannya muncul di bawah.
broadcast-scheduled = 🕘 Pengumuman #{ $id } dijadwalkan { $time }.
broadcast-unavailable = Pengumuman ini sudah tidak tersedia.

broadcast-progress =
    📣 Pengumuman #{ $id }
    { $bar } { $percent }%
    { $done } dari { $total } · terkirim { $delivered } · memblokir { $blocked } · gagal { $failed }
    Sisa waktu: { $minutes ->
        [0] sekitar { $seconds } detik
       *[other] sekitar { $minutes } menit
    }
broadcast-progress-paused = ⏸ Dijeda.
broadcast-button-pause = ⏸ Jeda
broadcast-button-resume = ▶️ Lanjutkan
broadcast-button-stop = ⏹ Hentikan
broadcast-paused = Pengiriman dijeda.
broadcast-resumed = Pengiriman dilanjutkan.
broadcast-not-running = Pengumuman ini sudah tidak berjalan.
broadcast-report =
    ✅ Pengumuman #{ $id } selesai.
    Penerima: { $total }
    Terkirim: { $delivered }
    Memblokir bot: { $blocked }
    Gagal: { $failed }
broadcast-report-cancelled =
    ⏹ Pengumuman #{ $id } dihentikan.
    Penerima: { $total }
    Terkirim: { $delivered }
    Memblokir bot: { $blocked }
    Gagal: { $failed }
    Tidak dikirim: { $unsent }
broadcast-audience-training = 📚 Peserta satu pelatihan…
broadcast-audience-training-named = peserta pelatihan no. { $number }
broadcast-ask-training = Peserta pelatihan mana?
broadcast-no-trainings = Belum ada pelatihan yang akan datang.
broadcast-training-button = { $title } · { $time } · { $booked } peserta
broadcast-audience-combine = 🎯 Gabungkan: wilayah, peran, minat, negara, bahasa…
broadcast-filter = { $parts }
broadcast-filter-everyone = Semua orang
broadcast-filter-within = di wilayah Anda
broadcast-filter-district = Kecamatan { $district }
broadcast-combine-intro = Pilih bagian-bagiannya. Orang harus cocok dengan setiap bagian yang dipilih; dalam satu bagian, satu pilihan saja sudah cukup. Angka di tombol: jumlah orang bila tombol itu ditekan.
broadcast-combine-now = Sekarang: { $audience } — { $count } orang.
broadcast-combine-on = ✅ { $name } · { $count }
broadcast-combine-off = ▫️ { $name } · { $count }
broadcast-combine-add-place = 📍 Tambah desa/kecamatan/kabupaten
broadcast-combine-clear-places = 🧹 Hapus wilayah
broadcast-combine-done = ➡️ Lanjut ({ $count } orang)
broadcast-combine-nobody = Belum ada orang yang cocok dengan pilihan ini. Ubah pilihannya dulu.
broadcast-whole-regency = ✅ Seluruh kabupaten/kota ini
broadcast-whole-district = ✅ Seluruh kecamatan ini
broadcast-place-outside = Tempat itu di luar wilayah Anda. Mohon pilih tempat di wilayah Anda.
broadcast-training-outside = Pelatihan itu tidak ada di wilayah Anda. Mohon pilih pelatihan lain dengan tombol.
broadcast-status-draft = Konsep
broadcast-status-scheduled = Terjadwal
broadcast-status-sending = Sedang dikirim
broadcast-status-paused = Dijeda
broadcast-status-cancelled = Dihentikan
broadcast-status-done = Selesai
broadcast-filter-within-sender = di wilayah pengirim
broadcast-photo-too-big = Fotonya terlalu besar. Paling besar { $mb } MB.
broadcast-photo-kind = File itu bukan foto JPG atau PNG. Mohon pilih foto lain.
broadcast-photo-again = Fotonya perlu dipilih lagi. Mohon pilih fotonya, lalu lihat pratinjau lagi.
