# Sambutan, menu utama, bantuan, bahasa, dan jawaban untuk masukan yang tidak dikenal.

welcome-first =
    Selamat datang di layanan Desa Migran Produktif (Desmigratif)! 👋
    Di sini Anda bisa mendaftar, ikut pelatihan, mengenal koperasi desa, dan bertanya kepada petugas.
welcome-back = Selamat datang kembali! 👋
menu-title = Silakan pilih yang Anda perlukan:
menu-button-profile = 👤 Pendaftaran & profil saya
menu-button-language = 🌐 Bahasa / Language
menu-button-help = ❓ Bantuan

button-menu = ☰ Menu utama
button-back = ⬅️ Kembali
button-cancel = ✖️ Batal

help-text =
    Cara memakai bot ini: tekan tombol di bawah pesan, tidak perlu mengetik perintah.
    Perintah yang bisa diketik:
    /menu – menu utama
    /daftar – pendaftaran
    /profil – profil saya
    /dataku – semua data saya
    /hapus – hapus data saya
    /migrasi – migrasi aman: langkah, dokumen, saluran resmi
    /usaha – usaha produktif
    /parenting – pengasuhan anak pekerja migran
    /koperasi – koperasi dan pendaftaran anggota
    /faq – pertanyaan yang sering diajukan
    /tanya – bertanya kepada petugas
    /bahasa – ganti bahasa
    /batal – keluar dari langkah yang sedang berjalan
    /bantuan – pesan ini
help-officer =
    Anda terdaftar sebagai petugas. Perintah petugas:
    /umumkan – kirim pengumuman
    /statistik – statistik dan grafik
    /ekspor – unduh data (CSV)
    /pertanyaan – pertanyaan yang menunggu jawaban
    /jawab NOMOR teks – menjawab pertanyaan (atau balas pesan pertanyaannya)

language-choose = Pilih bahasa Anda:
language-button-id = 🇮🇩 Bahasa Indonesia
language-button-en = 🇬🇧 English
language-set = Baik, mulai sekarang saya memakai Bahasa Indonesia.

cancel-done = Baik, langkah tadi sudah dibatalkan.
cancel-nothing = Tidak ada langkah yang sedang berjalan.

hint-text = Maaf, saya belum mengerti pesan itu. Silakan pilih dari tombol di bawah.
hint-command-unknown = Perintah itu tidak saya kenal. Ketik /bantuan untuk daftar perintah, atau pilih dari tombol di bawah.
hint-sticker = Terima kasih stikernya! 😊 Saya hanya bisa membaca tombol dan teks.
hint-voice = Maaf, saya belum bisa mendengarkan pesan suara. Silakan tulis pesan atau pilih tombol.
hint-media = Terima kasih! Saat ini saya tidak memerlukan foto atau video.
hint-document = Terima kasih! Saat ini saya tidak memerlukan berkas.
hint-location = Terima kasih! Saya tidak memerlukan lokasi Anda.
hint-contact = Terima kasih! Saat ini saya tidak memerlukan kontak.
hint-forwarded = Pesan terusan tidak saya proses. Silakan tulis langsung atau pilih tombol.
hint-other = Maaf, saya tidak bisa memproses pesan seperti ini.
button-expired = Tombol ini sudah tidak berlaku. Silakan mulai lagi dari menu.

officer-only = Maaf, perintah ini hanya untuk petugas Desmigratif.
group-private-only = Untuk menjaga data Anda, saya hanya melayani lewat obrolan pribadi. Silakan tulis kepada saya langsung.
group-button-open = 💬 Buka obrolan pribadi
error-generic = Maaf, terjadi gangguan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.

command-start = Mulai dan sambutan
command-menu = Menu utama
command-language = Ganti bahasa (Indonesia / English)
command-cancel = Keluar dari langkah yang sedang berjalan
command-help = Bantuan
command-register = Daftar sebagai purna PMI, keluarga, atau calon PMI
command-profile = Lihat dan ubah profil saya
command-mydata = Semua data saya dan berkasnya
command-delete = Hapus data saya
command-broadcast = Kirim pengumuman (petugas)
command-stats = Statistik dan grafik (petugas)
command-export = Unduh data sebagai CSV (petugas)
welcome-choose = Pilih bahasa Anda, atau langsung pilih dari menu:
