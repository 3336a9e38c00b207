## «Apakah perusahaan ini berizin?» (/agensi): daftar resmi P3MI berizin

agency-button-ask = 🏢 Cek izin perusahaan
agency-button-again = 🔎 Cek nama lain
agency-button-check-message = 🏢 Cek perusahaan di pesan ini
agency-button-mark = 🚩 Tandai dilaporkan: { $name }
agency-button-unmark = ↩️ Hapus tanda: { $name }

agency-ask =
    Ketik nama perusahaan penempatan (P3MI) yang ingin Anda cek. Sebagian nama juga boleh, misalnya: Maju Jaya.
    Nomor izinnya juga bisa.
agency-ask-text = Mohon ketik nama atau nomor izin perusahaannya (bukan foto atau pesan suara).
agency-too-short = Nama itu terlalu pendek. Ketik paling sedikit 3 huruf dari nama perusahaan (tanpa "PT").
agency-too-long = Nama itu terlalu panjang. Ketik nama perusahaannya saja (paling banyak { $max } huruf).

agency-found = Yang cocok di daftar resmi P3MI:
agency-found-many = Ada { $count } perusahaan yang cocok. Ini { $shown } yang paling mirip. Ketik nama yang lebih lengkap supaya hasilnya lebih sedikit.
agency-similar = «{ $name }» tidak ada di daftar. Ada nama yang mirip:
agency-check-letters = ⚠️ Cocokkan namanya huruf demi huruf dengan nama di surat, iklan, atau pesan yang Anda terima. Nama yang mirip belum tentu perusahaan yang sama.
agency-similar-listed = Di daftar ada nama yang mirip, tetapi tidak sama:
agency-entry-active =
    ✅ { $name }
    Izin: AKTIF. Nomor izin: { $licence }
    { $address }
agency-entry-suspended =
    ⏸️ { $name }
    Izin: DIBEKUKAN, untuk sementara tidak boleh merekrut (menurut daftar tanggal { $date }). Nomor izin: { $licence }
    { $address }
    Selama izinnya dibekukan, jangan mendaftar atau membayar lewat perusahaan ini.
agency-entry-revoked =
    ⛔ { $name }
    Izin: DICABUT (menurut daftar tanggal { $date }). Nomor izin: { $licence }
    { $address }
    Jangan mendaftar, membayar, atau menyerahkan dokumen lewat perusahaan ini.
agency-address = Alamat: { $address }
agency-no-address = Alamat: tidak ada di daftar.
agency-reported = 🚩 Petugas Desmigratif sudah menerima laporan tentang perusahaan dengan nama ini (pada { $date }). Tanya petugas dulu sebelum mendaftar atau membayar.

agency-not-found =
    ⚠️ «{ $name }» tidak ada di daftar P3MI berizin yang saya punya.
    Mungkin namanya ditulis lain, atau perusahaan itu tidak berizin. Jangan membayar apa pun. Jangan serahkan KTP, paspor, atau ijazah sebelum Anda yakin.
agency-how-to-check =
    Cara memastikan dan melapor:
    1. Tanyakan ke Dinas Tenaga Kerja (Disnaker) kabupaten/kota atau kantor LTSA terdekat.
    2. Telepon KP2MI di 0800-1000 (gratis), atau WhatsApp 0811-8080-141.
    3. Bila ada orang yang merekrut tanpa perusahaan berizin, laporkan ke Disnaker, KP2MI, atau polisi (110).
agency-no-list = Daftar P3MI berizin belum dimuat ke bot ini, jadi saya belum bisa mengecek nama itu.
agency-list-date = 📅 Daftar ini dari tanggal { $date }. Daftar resmi bisa sudah berubah. Untuk kepastian, tanyakan ke Disnaker atau KP2MI.

agency-in-message = Perusahaan yang disebut di pesan Anda:
agency-none-in-message = Saya tidak menemukan nama perusahaan di pesan itu. Tekan «🏢 Cek izin perusahaan», lalu ketik namanya.
agency-gone = Perusahaan itu tidak ada lagi di daftar yang baru. Silakan cek lagi.
agency-marked = Tanda «dilaporkan» sudah dipasang.
agency-unmarked = Tanda laporan sudah dihapus.
agency-unmark-not-yours = Tanda ini dibuat petugas lain. Hanya petugas itu atau admin yang bisa menghapusnya.

agency-import-admins-only = Daftar P3MI berizin hanya bisa dimuat oleh admin.
agency-import-done = ✅ Daftar P3MI berizin sudah dimuat: { $count } perusahaan, daftar tanggal { $date }. Daftar lama sudah diganti.
agency-import-failed = Daftar ini tidak dimuat: ada { $count } masalah, jadi daftar lama tetap dipakai. Perbaiki, lalu kirim lagi.
agency-import-columns = Kolomnya: name,licence_number,address,status,listed_on. status: active, suspended, atau revoked. listed_on: tanggal daftar resmi, misalnya 2026-11-30.
agency-import-no-rows = File tidak berisi perusahaan.
agency-import-empty = { $column } kosong.
agency-import-too-long = { $column } lebih dari { $max } huruf.
agency-import-status = status: pakai active, suspended, atau revoked.
agency-import-date = listed_on: tanggalnya tidak terbaca. Tulis seperti 2026-11-30.
agency-import-ambiguous-date = listed_on: tanggal ini bisa dibaca dua cara. Tulis seperti 2026-11-30.
agency-import-future-date = listed_on: tanggalnya sesudah hari ini.
agency-import-repeated = nomor izinnya sama dengan baris { $line }.

agency-status-active = aktif
agency-status-suspended = dibekukan
agency-status-revoked = dicabut
