# Pendaftaran anggota Koperasi Desmigratif, status pendaftaran, dan kontak koperasi yang diisi petugas.

coop-button-join = ✋ Saya ingin bergabung
coop-button-my-application = 📋 Pendaftaran saya
coop-button-send = ✅ Kirim pendaftaran
coop-button-agree = ✅ Saya setuju
coop-button-apply-again = 🔁 Daftar lagi
coop-button-share-phone = 📱 Kirim nomor HP saya
coop-button-edit-contacts = ✏️ Ubah kontak (petugas)

coop-consent =
    Untuk mendaftar ke koperasi, petugas memerlukan nama dan nomor HP Anda. Data ini hanya dipakai untuk pendaftaran koperasi dan hanya dilihat petugas Desmigratif.
    Anda bisa melihatnya dengan /dataku dan menghapusnya dengan /hapus.
    Apakah Anda setuju?
coop-confirm-profile =
    Pendaftaran ke koperasi akan dikirim kepada petugas dengan data dari profil Anda:
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }
    Kirim sekarang?
coop-ask-name = Siapa nama lengkap Anda?
coop-name-too-short = Nama itu terlalu pendek. Tulis nama lengkap Anda, paling sedikit 2 huruf.
coop-name-too-long = Nama itu terlalu panjang. Tulis paling banyak 80 huruf.
coop-name-digits = Nama tidak boleh berisi angka.
coop-name-not-letters = Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung, atau tanda petik.
coop-name-text-only = Tolong tulis nama Anda sebagai teks.
coop-ask-phone = Berapa nomor HP Anda? Tekan tombol di bawah untuk mengirim nomor Anda, atau ketik nomornya (contoh: 0812-3456-7890). Ketik /batal untuk membatalkan.
coop-phone-not-a-number = Itu bukan nomor HP. Tulis angkanya saja, contoh: 0812-3456-7890.
coop-phone-too-short = Nomor itu terlalu pendek. Periksa lagi, contoh: 0812-3456-7890.
coop-phone-too-long = Nomor itu terlalu panjang. Periksa lagi, contoh: 0812-3456-7890.
coop-phone-not-yours = Itu kontak orang lain. Tekan tombol di bawah untuk mengirim nomor Anda sendiri, atau ketik nomornya.
coop-phone-text-only = Tolong ketik nomor HP Anda, atau tekan tombol di bawah.
coop-applied = ✅ Terima kasih! Pendaftaran Anda sudah dikirim ke petugas.

coop-status-applied = terkirim
coop-status-contacted = sudah dihubungi petugas
coop-status-member = anggota
coop-status-declined = tidak diterima
coop-application =
    📋 Pendaftaran koperasi no. { $number }
    Status: { $status }
    Dikirim: { $applied }
    Nama: { $name }
    Nomor HP: { $phone }
coop-application-applied = Petugas akan menghubungi Anda. Anda akan diberi tahu di sini bila statusnya berubah.
coop-application-contacted = Petugas sudah mencoba menghubungi nomor HP Anda. Bila belum ada telepon atau pesan, tanyakan lewat «Tanya petugas».
coop-application-member = 🎉 Selamat, Anda sudah menjadi anggota koperasi!
coop-application-declined = Pendaftaran ini tidak diterima. Tanyakan alasannya kepada petugas, atau daftar lagi.
coop-status-changed = 📋 Status pendaftaran koperasi no. { $number } sekarang: { $status }.

# Untuk petugas.
coop-village-unknown = (tidak diketahui)
coop-notice =
    🤝 Pendaftaran anggota koperasi no. { $number }
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }
    Status: { $status }
coop-button-set-contacted = 📞 Sudah dihubungi
coop-button-set-member = ✅ Anggota
coop-button-set-declined = ❌ Tidak diterima
coop-status-set = Status diubah: { $status }
coop-status-unchanged = Statusnya memang sudah: { $status }
coop-application-gone = Pendaftaran ini tidak ada lagi.

coop-contacts-current =
    { $contacts }

    (diperbarui { $updated })
coop-contacts-none = Petugas belum mengisi kontak dan jam layanan koperasi. Silakan bertanya lewat «Tanya petugas».
coop-contacts-prompt = Kirim kontak dan jam layanan koperasi yang baru dalam satu pesan (paling banyak { $max } huruf), misalnya nama pengurus, nomor telepon, alamat, jam buka, dan jadwal rapat berikutnya. Kirim { $clear } untuk mengosongkannya.
coop-contacts-text-only = Tolong kirim kontaknya sebagai teks.
coop-contacts-too-long = Teksnya terlalu panjang: paling banyak { $max } huruf.
coop-contacts-saved = ✅ Kontak koperasi sudah diperbarui.
coop-notice-escalated = ⏫ Pendaftaran koperasi no. { $number } belum ditangani siapa pun selama { $hours } jam, jadi sekarang diteruskan kepada Anda.
coop-taken-by = ✋ Pendaftaran koperasi no. { $number } sudah ditangani oleh { $taker }.

# /aplikasi: pendaftaran koperasi menurut statusnya.
command-applications = Pendaftaran anggota koperasi menurut status (staf)
applications-title-open = 🤝 Pendaftaran yang belum selesai (terkirim atau sudah dihubungi): { $count }, yang paling lama di atas. Halaman { $page } dari { $pages }.
applications-title-applied = 🤝 Pendaftaran terkirim yang belum dihubungi: { $count }. Halaman { $page } dari { $pages }.
applications-title-contacted = 🤝 Pendaftaran yang sudah dihubungi: { $count }. Halaman { $page } dari { $pages }.
applications-title-member = 🤝 Diterima sebagai anggota: { $count }, yang terbaru di atas. Halaman { $page } dari { $pages }.
applications-title-declined = 🤝 Tidak diterima: { $count }, yang terbaru di atas. Halaman { $page } dari { $pages }.
applications-empty = Tidak ada di sini.
applications-line = No. { $number } · { $village } · { $status } · dikirim { $applied }
applications-button-number = No. { $number }
applications-button-open = 🤝 Belum selesai
applications-button-applied = 📨 Terkirim
applications-button-contacted = 📞 Sudah dihubungi
applications-button-member = ✅ Anggota
applications-button-declined = ❌ Tidak diterima
