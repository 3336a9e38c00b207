# Sambutan, menu utama, bantuan, bahasa, dan jawaban untuk masukan yang tidak dikenal.

welcome-first =
    Selamat datang di layanan Desa Migran Produktif (Desmigratif)! 👋
    Di sini Anda bisa mendaftar, ikut pelatihan, mengenal koperasi desa, dan bertanya kepada petugas.
welcome-back = Selamat datang kembali! 👋
menu-title = Silakan pilih yang Anda perlukan:
menu-registration-unfinished = Pendaftaran Anda belum selesai. Tekan «▶️ Lanjutkan pendaftaran» untuk meneruskan, atau /batal untuk berhenti.
menu-button-profile = 👤 Daftar & profil saya
menu-button-language = 🌐 Bahasa / Language
menu-button-help = ❓ Bantuan

button-menu = ☰ Menu utama
button-back = ⬅️ Kembali
button-cancel = ✖️ Batal

help-text =
    Cara memakai bot ini: tekan tombol di bawah pesan. Tidak perlu mengetik apa-apa.
    • 🆘 Darurat: bila Anda atau keluarga Anda dalam bahaya.
    • 💬 Tanya petugas: tulis pertanyaan Anda. Petugas menjawab di obrolan ini.
    • 📚 Pelatihan: lihat pelatihan dan ikut.
    • /agensi: cek izin perusahaan penempatan, sebelum mendaftar kerja ke luar negeri.
    Ketik /menu kapan saja untuk kembali ke menu, atau /batal untuk berhenti dari langkah ini.
help-officer =
    Anda petugas Desmigratif. Perintah petugas:
    /umumkan – kirim pengumuman
    /statistik – statistik dan grafik
    /ekspor – unduh data (CSV)
    /pertanyaan – pertanyaan yang menunggu jawaban
    /jawab NOMOR teks – menjawab pertanyaan (atau balas pesan pertanyaannya)
    /pelatihan_baru – buat pelatihan langkah demi langkah; kirim file CSV untuk mengimpor banyak pelatihan sekaligus

language-choose = Pilih bahasa Anda:
language-button-id = 🇮🇩 Bahasa Indonesia
language-button-en = 🇬🇧 English
language-set = Baik, mulai sekarang saya memakai Bahasa Indonesia.

cancel-done = Baik, langkah tadi sudah dibatalkan.
cancel-nothing = Tidak ada langkah yang sedang berjalan.

hint-text = Maaf, saya belum mengerti pesan itu. Silakan pilih dari tombol di bawah.
hint-command-unknown = Perintah itu tidak saya kenal. Silakan pilih tombol di bawah, atau ketik /bantuan.
hint-sticker = Terima kasih stikernya! 😊 Saya hanya bisa membaca tombol dan teks.
hint-voice = Maaf, saya belum bisa mendengarkan pesan suara, tetapi petugas bisa. Tekan «💬 Tanya petugas», lalu kirim lagi pesan suara Anda.
hint-media = Terima kasih! Saat ini saya tidak memerlukan foto atau video.
hint-document = Terima kasih! Saat ini saya tidak memerlukan file.
hint-location = Terima kasih! Saya tidak memerlukan lokasi Anda.
hint-contact = Terima kasih! Saat ini saya tidak memerlukan kontak.
hint-forwarded = Saya tidak bisa membaca pesan terusan. Silakan tulis langsung atau pilih tombol.
hint-other = Maaf, saya tidak bisa membaca pesan seperti ini.
button-expired = Tombol ini sudah tidak berlaku. Silakan mulai lagi dari menu.

officer-only = Maaf, perintah ini hanya untuk petugas Desmigratif.
group-private-only = Untuk menjaga data Anda, saya hanya melayani lewat obrolan pribadi. Silakan tulis kepada saya langsung.
group-button-open = 💬 Buka obrolan pribadi
error-generic = Maaf, ada gangguan. Mohon coba lagi sebentar lagi.

command-start = Mulai dan sambutan
command-menu = Menu utama
command-language = Ganti bahasa (Indonesia / English)
command-cancel = Berhenti dari langkah yang sedang berjalan
command-help = Bantuan
command-agency = Cek izin perusahaan penempatan (P3MI)
command-register = Daftar sebagai purna PMI, keluarga, atau calon PMI
command-profile = Lihat dan ubah profil saya
command-mydata = Semua data saya, juga sebagai file
command-delete = Hapus data saya
command-broadcast = Kirim pengumuman (petugas)
command-stats = Statistik dan grafik (petugas)
command-export = Unduh data sebagai CSV (petugas)
welcome-choose = Pilih bahasa Anda, atau langsung pilih dari menu:
