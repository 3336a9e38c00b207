# Tanya-jawab (FAQ): topik, pertanyaan dan jawaban, dan jawaban yang ditawarkan untuk teks bebas.
# Kata kunci pencarian ada di src/engine/pillars/faq.rs.

faq-title = 📖 Tanya-jawab. Pilih topik:
faq-choose = Pilih pertanyaan:
faq-topic-mig = 🧭 Migrasi aman
faq-topic-biz = 💼 Usaha dan pelatihan
faq-topic-par = 👨‍👩‍👧 Pengasuhan anak
faq-topic-coop = 🤝 Koperasi
faq-topic-bot = ℹ️ Tentang layanan ini
faq-button-more = 📄 Baca selengkapnya

faq-requirements = Apa syarat bekerja ke luar negeri?
faq-requirements-answer = Umur paling sedikit 18 tahun, punya keterampilan untuk pekerjaannya, sehat jasmani dan rohani, sudah terdaftar di BPJS Ketenagakerjaan, dan dokumennya lengkap. Daftarlah sebagai calon pekerja migran di Dinas Tenaga Kerja (Disnaker) kabupaten/kota.

faq-documents = Dokumen apa saja yang diperlukan?
faq-documents-answer = Surat status perkawinan, surat izin keluarga yang diketahui kepala desa/lurah, sertifikat kompetensi, surat sehat, paspor, visa kerja, Perjanjian Penempatan, dan Perjanjian Kerja.

faq-fees = Apakah saya harus membayar biaya penempatan?
faq-fees-answer = Menurut UU 18/2017, pekerja migran tidak boleh dibebani biaya penempatan. Untuk jabatan seperti pekerja rumah tangga, pengasuh bayi, perawat lansia, juru masak, dan sopir keluarga, aturannya jelas bebas biaya. Iuran BPJS Ketenagakerjaan tetap dibayar. Bila diminta uang di muka, waspadai calo.

faq-agency = Bagaimana cara mengecek perusahaan penempatan resmi?
faq-agency-answer = Perusahaan penempatan resmi disebut P3MI. Cek izinnya ke KP2MI (dulu BP2MI), atau tanyakan ke Disnaker. Perorangan tidak boleh menempatkan pekerja migran.

faq-brokers = Bagaimana mengenali calo?
faq-brokers-answer = Waspada bila dijanjikan gaji tinggi tanpa keterampilan atau ijazah (sering lewat WhatsApp), diminta uang di muka, disuruh mengaku «mau liburan» di imigrasi, atau diberi visa kunjungan, bukan visa kerja.

faq-trouble = Keluarga saya di luar negeri kena masalah. Ke mana minta tolong?
faq-trouble-answer = Hubungi KP2MI: 0800-1000 (dari Indonesia), +62 21 2924 4800 (dari luar negeri), atau WhatsApp 0811-8080-141. Di luar negeri ada KBRI/KJRI. Layanan migrasi di desa juga membantu keluarga yang menghadapi masalah. Dugaan perdagangan orang: polisi 110.

faq-bpjs = Apakah wajib ikut BPJS Ketenagakerjaan?
faq-bpjs-answer = Ya. Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) wajib; Jaminan Hari Tua (JHT) boleh dipilih. Iurannya Rp37.500 sebelum bekerja, ditambah Rp332.500 untuk kontrak 24 bulan.

faq-kur = Apa itu KUR Penempatan?
faq-kur-answer = Pinjaman untuk biaya penempatan kerja ke luar negeri (bukan modal usaha): sampai Rp100 juta, bunga 6%, tanpa barang jaminan (agunan), mulai Agustus 2025.

faq-training = Bagaimana ikut pelatihan usaha?
faq-training-answer = Ada pelatihan kewirausahaan, pengelolaan keuangan, pelatihan vokasi, dan pendampingan usaha. Lihat jadwalnya dengan /pelatihan, atau tanyakan kepada petugas.

faq-capital = Dari mana modal untuk usaha?
faq-capital-answer = Koperasi pekerja migran, seperti yang dibuka Kemnaker di Jawa Timur, memberi pinjaman berbunga rendah. KUR Penempatan tidak untuk modal usaha. Untuk pinjaman lain, tanyakan kepada petugas.

faq-parenting = Apa itu pengasuhan bersama (community parenting)?
faq-parenting-answer = Pengasuhan bersama berarti masyarakat desa ikut mengasuh anak-anak pekerja migran selama orang tuanya bekerja di luar negeri.

faq-children = Anak saya diasuh keluarga selama saya bekerja. Ada dukungan?
faq-children-answer = Ada. Pengasuhan bersama membantu anak dan pengasuh pengganti, misalnya saat sulit berkomunikasi dengan orang tua atau soal biaya sekolah. Tanyakan kegiatan di desa Anda kepada petugas.

faq-join = Bagaimana menjadi anggota koperasi?
faq-join-answer = Buka «Koperasi», lalu tekan «✋ Saya ingin bergabung». Anda tidak perlu mendaftar di bot ini dulu. Petugas akan menghubungi Anda. Statusnya bisa Anda lihat di «📋 Status koperasi saya».

faq-savings = Apa itu simpanan pokok, wajib, dan sukarela?
faq-savings-answer = Simpanan pokok sama besar untuk semua dan dibayar saat masuk. Simpanan wajib dibayar pada waktu tertentu. Keduanya tidak bisa diambil selama menjadi anggota. Simpanan sukarela adalah tabungan atas kemauan sendiri. Besarnya diatur dalam aturan dasar koperasi (anggaran dasar).

faq-loans = Apakah koperasi memberi pinjaman?
faq-loans-answer = Koperasi pekerja migran, seperti yang dibuka Kemnaker di Jawa Timur, memberi pinjaman berbunga rendah, agar tidak bergantung pada calo dan rentenir. Contohnya Rp2–5 juta per anggota di sebuah koperasi di Malang. Tanyakan syaratnya kepada pengurus.

faq-meeting = Siapa yang memutuskan di koperasi?
faq-meeting-answer = Rapat Anggota. Rapat ini menetapkan aturan dasar koperasi (anggaran dasar), memilih Pengurus dan Pengawas, mengesahkan rencana, anggaran, dan laporan, serta membagi keuntungan koperasi (sisa hasil usaha, SHU).

faq-programme = Apa itu Desmigratif?
faq-programme-answer = Desa Migran Produktif, program Kemnaker sejak 2016 untuk desa-desa asal banyak pekerja migran. Empat pilarnya: layanan migrasi, usaha produktif, pengasuhan bersama (community parenting), dan Koperasi Desmigratif.

faq-register = Apakah saya harus mendaftar dulu?
faq-register-answer = Tidak selalu. Tanpa mendaftar, Anda tetap bisa membaca informasi, bertanya kepada petugas, dan minta bergabung dengan koperasi. Untuk ikut pelatihan, Anda perlu mendaftar dulu dengan /daftar.

faq-ask = Bagaimana bertanya langsung kepada petugas?
faq-ask-answer = Tekan «Tanya petugas» atau ketik /tanya, lalu tulis pertanyaan Anda. Anda juga bisa mengirim foto atau pesan suara. Jawabannya datang di obrolan ini.
