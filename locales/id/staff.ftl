# Staf program: admin, koordinator kabupaten/kota, petugas desa (/petugas), undangan, kartu kontak, «Petugas desa saya».

command-officers = Petugas, undangan, desa program (staf)
menu-button-my-officer = 🧑‍💼 Petugas desa saya

staff-role-admin = Admin
staff-role-coordinator = Koordinator kabupaten/kota
staff-role-officer = Petugas desa


staff-home = Anda: { $role } — { $areas }.
staff-can-admin =
    Sebagai admin, Anda bisa:
    • mengundang dan mencabut admin, koordinator, dan petugas desa;
    • menandai desa program Desmigratif;
    • memakai semua alat petugas untuk seluruh Indonesia: pertanyaan, koperasi, pengumuman, pelatihan, statistik, ekspor.
staff-can-coordinator =
    Sebagai koordinator, Anda bisa:
    • melihat dan menjawab pertanyaan warga kabupaten/kota Anda (/pertanyaan), dengan nama, peran, dan desanya; pertanyaan yang tidak diambil petugas desa dalam { $hours } jam diteruskan kepada Anda;
    • menangani permintaan bergabung koperasi dari kabupaten/kota Anda dengan cara yang sama;
    • mengundang dan mencabut petugas desa di kabupaten/kota Anda;
    • membuat dan mengelola pelatihan untuk kabupaten/kota Anda (/pelatihan_baru);
    • mengirim pengumuman kepada warga terdaftar di kabupaten/kota Anda (/umumkan);
    • melihat statistik dan mengunduh data warga kabupaten/kota Anda (/statistik, /ekspor);
    • tampil sebagai kontak di «Petugas desa saya» untuk warga desa yang belum punya petugas.
    Anda tidak melihat data warga kabupaten/kota lain.
staff-can-officer =
    Sebagai petugas desa, Anda bisa:
    • menerima dan menjawab pertanyaan warga desa Anda (/pertanyaan), dengan nama, peran, dan desanya; tekan «Saya tangani» agar staf lain tahu pertanyaannya sudah Anda pegang. Pertanyaan yang tidak diambil dalam { $hours } jam diteruskan ke koordinator;
    • menangani permintaan bergabung koperasi dari desa Anda dengan cara yang sama;
    • membuat dan mengelola pelatihan untuk desa Anda (/pelatihan_baru);
    • mengirim pengumuman kepada warga terdaftar di desa Anda (/umumkan);
    • melihat statistik dan mengunduh data warga desa Anda (/statistik, /ekspor);
    • tampil sebagai kontak di «Petugas desa saya» untuk warga desa Anda, dengan kartu kontak yang Anda isi sendiri (bukan akun Telegram Anda).
    Anda tidak melihat data warga desa lain.

staff-button-home = 🧑‍💼 Menu staf
staff-button-list = 👥 Semua staf
staff-button-invite = ➕ Undang
staff-button-invitations = ✉️ Undangan terbuka
staff-button-programme = 🏘️ Desa program
staff-button-card = 🪪 Kartu kontak saya
staff-button-remove = 🚫 Cabut hak
staff-button-remove-confirm = 🚫 Ya, cabut haknya
staff-button-accept = ✅ Terima
staff-button-decline = Tidak, terima kasih
staff-button-cancel-invitation = 🚫 Tarik undangan no. { $number }
staff-button-mark = ➕ Tandai desa program
staff-button-unmark = ➖ { $village }

staff-type-it = Mohon ketik jawabannya sebagai teks.
staff-outside-area = Maaf, itu di luar wilayah Anda.

staff-invite-choose-role = Siapa yang ingin Anda undang?
staff-invite-as-officer = 🏡 Petugas desa
staff-invite-as-coordinator = 🗺️ Koordinator kab./kota
staff-invite-as-admin = 🛡️ Admin
staff-invite-ask-village = Ketik nama desa untuk petugas ini (beberapa huruf saja cukup).
staff-invite-ask-regency = Ketik nama kabupaten atau kota untuk koordinator ini.
staff-invited =
    ✉️ Undangan no. { $number }: { $role } — { $area }.
    Kirim tautan ini kepada orangnya saja. Tautan hanya bisa dipakai sekali, sampai { $expires }:
    { $link }
staff-invited-qr = Kode QR undangan no. { $number }: cetak atau tunjukkan, lalu pindai dengan kamera HP.
staff-invited-next = Undangan bisa ditarik di «✉️ Undangan terbuka» selama belum dipakai.
staff-invitations-title = Undangan yang belum dipakai:
staff-invitation-line = • No. { $number }: { $role } — { $area } (berlaku sampai { $expires })
staff-invitations-none = Tidak ada undangan terbuka.
staff-invitation-cancelled = Undangan no. { $number } sudah ditarik. Tautannya tidak berlaku lagi.

staff-invitation-offer = Anda diundang menjadi { $role } — { $area }. Undangan ini berlaku sampai { $expires }.
staff-invitation-offer-ask = Terima undangan ini?
staff-invitation-unknown = Tautan undangan ini tidak dikenal. Mohon minta tautan baru kepada yang mengundang Anda.
staff-invitation-used = Tautan undangan ini sudah dipakai. Setiap tautan hanya untuk satu orang. Mohon minta tautan baru bila perlu.
staff-invitation-revoked = Undangan ini sudah ditarik. Mohon tanyakan kepada yang mengundang Anda.
staff-invitation-expired = Undangan ini sudah lewat 7 hari. Mohon minta tautan baru kepada yang mengundang Anda.
staff-invitation-declined = Baik, undangan tidak diterima. Tautannya masih bisa dipakai sampai batas waktunya.
staff-invitation-taken = ✅ Undangan no. { $number } sudah diterima: { $role } — { $area }.
staff-welcome = Selamat bergabung! Anda sekarang { $role } — { $area }.
staff-welcome-card = Mohon isi kartu kontak Anda: nama, telepon kantor atau WhatsApp, jam layanan, dan alamat. Warga melihatnya di «Petugas desa saya».

staff-list-title = Staf: { $count } orang.
staff-list-configured = Ditambah { $count } admin dari pengaturan server (ADMIN_IDS), yang tidak bisa dicabut di sini.
staff-list-line = • { $role }: { $name } — { $areas }
staff-list-more = …dan { $count } lagi.
staff-member-name = { $name }
staff-member-unnamed = (belum mengisi nama, nomor akun { $id })
staff-member =
    { $role }: { $name }
    Wilayah: { $areas }
    Sejak: { $since }
staff-remove-ask = Cabut hak { $name }? Hak berakhir saat itu juga, dan orangnya diberi tahu.
staff-removed = Hak sudah dicabut.
staff-removed-notice = Hak Anda sebagai staf Desmigratif di bot ini sudah dicabut. Terima kasih atas bantuan Anda.

staff-programme = Desa program Desmigratif: { $count } desa. Desa program tampil lebih dulu saat warga mencari desanya. Tekan ➖ untuk melepas tanda.
staff-programme-ask = Ketik nama desa yang ingin ditandai sebagai desa program. Untuk banyak desa sekaligus, kirim berkas CSV: kode desa di kolom pertama (contoh: 32.12.16.2004), satu desa per baris.

staff-card-title = Kartu kontak Anda:
staff-card =
    👤 { $name }
    📞 { $phone }
    🕘 { $hours }
    📍 { $address }
staff-card-empty = (belum diisi)
staff-card-who-sees = Warga di wilayah Anda melihat kartu ini di «Petugas desa saya», setelah nama atau telepon diisi. Akun Telegram Anda tidak ditampilkan.
staff-card-configured-admin = Admin dari pengaturan server tidak punya kartu kontak. Warga melihat kartu petugas desa dan koordinator, atau nomor layanan nasional.
staff-card-edit-name = ✏️ Nama
staff-card-edit-phone = ✏️ Telepon/WA
staff-card-edit-hours = ✏️ Jam layanan
staff-card-edit-address = ✏️ Alamat
staff-card-ask-name = Ketik nama yang boleh dilihat warga, misalnya «Ibu Sari, Petugas Desmigratif Kenanga» (paling banyak { $max } huruf). Ketik { $clear } untuk mengosongkan.
staff-card-ask-phone = Ketik nomor telepon kantor atau WhatsApp layanan, misalnya 0812-3456-7890. Ketik { $clear } untuk mengosongkan.
staff-card-ask-hours = Ketik jam layanan, misalnya «Senin–Jumat 08.00–15.00» (paling banyak { $max } huruf). Ketik { $clear } untuk mengosongkan.
staff-card-ask-address = Ketik alamat kantor, misalnya «Balai Desa Kenanga, Jl. Raya Sindang 1» (paling banyak { $max } huruf). Ketik { $clear } untuk mengosongkan.
staff-card-length = Mohon tulis antara 2 dan { $max } huruf.
staff-card-phone = Itu bukan nomor telepon. Mohon tulis angkanya saja, misalnya 0812-3456-7890.
staff-card-saved = ✅ Tersimpan.

staff-mine-officers = Petugas desa { $village }:
staff-mine-coordinators = Desa { $village } belum punya petugas di bot ini. Koordinator { $regency }:
staff-mine-nobody = Desa { $village } belum punya petugas atau koordinator di bot ini.
staff-mine-no-village = Saya belum tahu desa Anda dengan pasti, jadi petugasnya belum bisa saya tampilkan. Pilih desa Anda lewat «👤 Daftar & profil saya».
staff-mine-unregistered = Petugas desa ditampilkan menurut desa Anda. Daftar dulu lewat «👤 Daftar & profil saya».
staff-mine-national = Layanan nasional KP2MI: telepon 0800-1000 (gratis, dari Indonesia), +62 21 2924 4800 (dari luar negeri), WhatsApp 0811-8080-141. Dugaan perdagangan orang: polisi 110.
staff-programme-file-done = ✅ { $listed } desa dalam berkas sudah menjadi desa program ({ $marked } baru ditandai).
staff-programme-file-problems =
    Belum ada yang ditandai: { $count } baris bermasalah. Perbaiki lalu kirim lagi berkasnya.
    { $list }
staff-programme-file-line = • Baris { $line }: «{ $cell }» bukan kode desa (contoh: 32.12.16.2004).
staff-programme-file-unknown = • { $code } bukan kode desa yang dikenal.
staff-programme-file-unread = Berkasnya tidak bisa dibaca. Kirim berkas CSV (paling besar 1 MB) sekali lagi.

# Siapa yang menangani sekarang.
staff-level-village = petugas desa
staff-level-regency = koordinator kabupaten/kota
staff-level-country = tim pusat
