# Permintaan bergabung dengan Koperasi Desmigratif, statusnya, dan kontak koperasi yang diisi petugas.

coop-button-join = ✋ Saya ingin bergabung
coop-button-my-application = 📋 Status koperasi saya
coop-button-send = ✅ Kirim ke petugas
coop-button-agree = ✅ Saya setuju
coop-button-apply-again = ✋ Minta bergabung lagi
coop-button-share-phone = 📱 Kirim nomor HP saya
coop-button-edit-contacts = ✏️ Ubah kontak (petugas)

coop-consent =
    Untuk bergabung dengan koperasi, petugas perlu nama dan nomor HP Anda. Petugas Desmigratif hanya memakainya untuk urusan koperasi.
    Anda bisa melihat data Anda dengan /dataku. Anda bisa menghapus semua data Anda dengan /hapus.
    Apakah Anda setuju?
coop-confirm-profile =
    Saya akan mengirim data ini kepada petugas koperasi:
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }
    Kirim sekarang?
coop-ask-name = Siapa nama lengkap Anda?
coop-name-too-short = Nama itu terlalu pendek. Tulis nama lengkap Anda, paling sedikit 2 huruf.
coop-name-too-long = Nama itu terlalu panjang. Tulis paling banyak 80 huruf.
coop-name-digits = Nama tidak boleh berisi angka.
coop-name-not-letters = Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung, atau tanda petik.
coop-name-text-only = Mohon tulis nama Anda sebagai teks.
coop-ask-phone = Berapa nomor HP Anda? Tekan tombol di bawah untuk mengirim nomor Anda, atau ketik nomornya (contoh: 0812-3456-7890). Ketik /batal untuk berhenti.
coop-phone-not-a-number = Itu bukan nomor HP. Tulis angkanya saja, contoh: 0812-3456-7890.
coop-phone-too-short = Nomor itu terlalu pendek. Periksa lagi, contoh: 0812-3456-7890.
coop-phone-too-long = Nomor itu terlalu panjang. Periksa lagi, contoh: 0812-3456-7890.
coop-phone-not-yours = Itu kontak orang lain. Tekan tombol di bawah untuk mengirim nomor Anda sendiri, atau ketik nomornya.
coop-phone-text-only = Mohon ketik nomor HP Anda, atau tekan tombol di bawah.
coop-applied = ✅ Terima kasih! Permintaan Anda untuk bergabung sudah saya kirim ke petugas.

coop-status-applied = terkirim
coop-status-contacted = sudah dihubungi petugas
coop-status-member = anggota
coop-status-declined = tidak diterima
coop-application =
    📋 Permintaan bergabung koperasi no. { $number }
    Status: { $status }
    Dikirim: { $applied }
    Nama: { $name }
    Nomor HP: { $phone }
coop-application-applied = Petugas akan menghubungi Anda. Anda akan diberi tahu di sini bila statusnya berubah.
coop-application-contacted = Petugas sudah mencoba menghubungi nomor HP Anda. Bila belum ada telepon atau pesan, tanyakan lewat «Tanya petugas».
coop-application-member = 🎉 Selamat, Anda sudah menjadi anggota koperasi!
coop-application-declined = Permintaan ini tidak diterima. Tanyakan alasannya kepada petugas, atau minta bergabung lagi.
coop-status-changed = 📋 Status permintaan bergabung koperasi no. { $number } sekarang: { $status }.

# Untuk petugas.
coop-village-unknown = (tidak diketahui)
coop-notice =
    🤝 Permintaan bergabung koperasi no. { $number }
    Nama: { $name }
    Nomor HP: { $phone }
    Desa: { $village }
    Status: { $status }
coop-button-set-contacted = 📞 Sudah dihubungi
coop-button-set-member = ✅ Anggota
coop-button-set-declined = ❌ Tidak diterima
coop-status-set = Status diubah: { $status }
coop-status-unchanged = Statusnya memang sudah: { $status }
coop-application-gone = Permintaan ini tidak ada lagi.

coop-contacts-current =
    { $contacts }

    (diperbarui { $updated })
coop-contacts-none = Petugas belum mengisi kontak dan jam layanan koperasi. Silakan bertanya lewat «Tanya petugas».
coop-contacts-prompt = Kirim kontak dan jam layanan koperasi yang baru dalam satu pesan (paling banyak { $max } huruf), misalnya nama pengurus, nomor telepon, alamat, jam buka, dan jadwal rapat berikutnya. Kirim { $clear } untuk mengosongkannya.
coop-contacts-text-only = Mohon kirim kontaknya sebagai teks.
coop-contacts-too-long = Teksnya terlalu panjang: paling banyak { $max } huruf.
coop-contacts-saved = ✅ Kontak koperasi sudah diperbarui.
coop-notice-escalated = ⏫ Permintaan bergabung koperasi no. { $number } belum ditangani siapa pun selama { $hours } jam, jadi sekarang diteruskan kepada Anda.
coop-taken-by = ✋ Permintaan bergabung koperasi no. { $number } sudah ditangani oleh { $taker }.

# /aplikasi: permintaan bergabung koperasi menurut statusnya.
command-applications = Permintaan bergabung koperasi, menurut status (staf)
applications-title-open = 🤝 Permintaan yang belum selesai (terkirim atau sudah dihubungi): { $count }, yang paling lama di atas. Halaman { $page } dari { $pages }.
applications-title-applied = 🤝 Permintaan terkirim yang belum dihubungi: { $count }. Halaman { $page } dari { $pages }.
applications-title-contacted = 🤝 Permintaan yang sudah dihubungi: { $count }. Halaman { $page } dari { $pages }.
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
