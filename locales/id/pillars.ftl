# Empat pilar Desmigratif: halaman informasi, tombol menu utama, dan perintah.
# Sumber isi: /work/shared/CONTENT.md dan seed/000. Nomor layanan dan nama lembaga bisa berubah:
# periksa lagi sebelum rilis.

menu-button-faq = 📖 Tanya-jawab (FAQ)
menu-button-ask = 💬 Tanya petugas
menu-button-inbox = 📥 Pertanyaan masuk

command-migration = Migrasi aman: langkah, dokumen, saluran resmi
command-business = Usaha produktif: pelatihan dan modal
command-parenting = Pengasuhan anak pekerja migran
command-cooperative = Koperasi Desmigratif dan pendaftaran anggota
command-faq = Pertanyaan yang sering diajukan
command-ask = Bertanya kepada petugas
command-inbox = Pertanyaan yang belum dijawab (petugas)
command-answer = Menjawab pertanyaan: /jawab NOMOR teks (petugas)

## Pilar 1: layanan migrasi

page-mig = 🧭 Migrasi aman
page-mig-text =
    🧭 Migrasi aman (layanan migrasi)

    Ini pilar pertama Desmigratif. Di balai desa ada layanan yang memberi informasi pasar kerja, bimbingan kerja, informasi kerja di luar negeri, dan bantuan mengurus dokumen awal. Layanan ini juga memeriksa data calon pekerja migran (CPMI) dan membantu keluarga yang sedang menghadapi masalah.

    Pekerja migran dilindungi sebelum, selama, dan sesudah bekerja.

    Pilih topik:

page-mig-steps = ✅ Langkah-langkah
page-mig-steps-text =
    ✅ Langkah migrasi yang aman dan resmi

    1. Cari informasi dulu di layanan migrasi desa atau di Dinas Tenaga Kerja (Disnaker) kabupaten/kota.
    2. Pastikan syaratnya terpenuhi: umur paling sedikit 18 tahun, punya keterampilan untuk pekerjaannya, sehat jasmani dan rohani, dan terdaftar jaminan sosial.
    3. Daftar sebagai calon pekerja migran di Disnaker kabupaten/kota.
    4. Pilih hanya perusahaan penempatan resmi (P3MI). Cek izinnya di daftar KP2MI/BP2MI atau tanyakan ke Disnaker.
    5. Lengkapi dokumen (lihat «Dokumen»). LTSA, kantor layanan satu atap, punya loket ketenagakerjaan, kependudukan, kesehatan, imigrasi, kepolisian, dan BPJS.
    6. Tanda tangani Perjanjian Penempatan dan Perjanjian Kerja. Berangkat dengan visa kerja, bukan visa kunjungan.
    7. Selama bekerja dan sesudah pulang, Anda tetap berhak atas pelindungan dan bantuan.

    Ingat: perorangan (calo) tidak boleh menempatkan pekerja migran.

page-mig-docs = 📄 Dokumen
page-mig-docs-text =
    📄 Dokumen calon pekerja migran

    Menurut UU 18/2017 Pasal 13, dokumen yang harus dimiliki:
    1. Surat keterangan status perkawinan; bila sudah menikah, dengan fotokopi buku nikah.
    2. Surat izin dari suami/istri, orang tua, atau wali, yang diketahui kepala desa atau lurah.
    3. Sertifikat kompetensi kerja.
    4. Surat keterangan sehat dari pemeriksaan kesehatan dan psikologi.
    5. Paspor.
    6. Visa kerja.
    7. Perjanjian Penempatan.
    8. Perjanjian Kerja.

    Pemerintah desa membantu mengurus dokumen kependudukan.

page-mig-costs = 💰 Biaya dan jaminan sosial
page-mig-costs-text =
    💰 Biaya dan jaminan sosial

    • Pekerja migran tidak boleh dibebani biaya penempatan (UU 18/2017 Pasal 30). Aturan BP2MI menyebut jabatan yang bebas biaya, antara lain pekerja rumah tangga, pengasuh bayi, perawat lansia, juru masak, dan sopir keluarga. Tanyakan ke Disnaker apakah pekerjaan Anda termasuk.
    • Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) dari BPJS Ketenagakerjaan wajib; Jaminan Hari Tua (JHT) boleh dipilih. Iurannya Rp37.500 sebelum bekerja, ditambah Rp332.500 untuk kontrak 24 bulan.
    • KUR Penempatan (sejak Agustus 2025) adalah pinjaman untuk biaya penempatan, bukan modal usaha: sampai Rp100 juta, bunga 6%, tanpa agunan. Menurut menteri, cicilannya mulai bulan ke-7 bekerja sampai kontrak selesai.

page-mig-help = 📞 Saluran resmi
page-mig-help-text =
    📞 Saluran resmi

    • KP2MI (dulu BP2MI): telepon 0800-1000 (gratis, dari Indonesia), +62 21 2924 4800 (dari luar negeri), WhatsApp 0811-8080-141, siskop2mi.bp2mi.go.id, atau kantor BP3MI/P4MI terdekat.
    • Kemnaker: call center 1500-630, pengaduan «Lapor Menaker» di kemnaker.go.id.
    • Di luar negeri: KBRI/KJRI, atau Kementerian Luar Negeri lewat peduliwni.kemlu.go.id dan aplikasi Safe Travel.
    • Dugaan perdagangan orang (TPPO): polisi 110.
    • Di daerah Anda: Disnaker kabupaten/kota dan LTSA.

    Nomor dan nama lembaga bisa berubah. Bila nomor tidak bisa dihubungi, tanyakan kepada petugas.

page-mig-calo = ⚠️ Waspada calo
page-mig-calo-text =
    ⚠️ Waspada calo

    Calo adalah perekrut atau perantara tanpa izin. Tanda-tandanya:
    • menjanjikan gaji tinggi tanpa perlu keterampilan atau ijazah, sering lewat WhatsApp;
    • meminta uang di muka;
    • menyuruh Anda mengaku «mau liburan» di pemeriksaan imigrasi;
    • memakai visa kunjungan, bukan visa kerja.

    Perorangan dilarang menempatkan pekerja migran. Ancamannya penjara paling lama 10 tahun dan denda paling banyak Rp15 miliar (UU 18/2017).

    Bila ragu, cek perusahaannya ke Disnaker atau KP2MI (0800-1000). Dugaan perdagangan orang: lapor polisi di 110.

## Pilar 2: usaha produktif

page-biz = 💼 Usaha produktif
page-biz-text =
    💼 Usaha produktif

    Ini pilar kedua Desmigratif. Pasangan dan keluarga pekerja migran dibantu membangun keterampilan dan usaha yang cocok dengan potensi desa: pelatihan, pendampingan, bantuan peralatan, dan pemasaran. Ada juga inkubasi usaha dan teknologi tepat guna.

    Untuk purna PMI, reintegrasi lewat pelatihan kewirausahaan dan pengelolaan keuangan membantu agar tetap bekerja, hidup layak di kampung halaman, dan ikut membangun ekonomi daerah.

    Pilih topik:

page-biz-train = 🎓 Pelatihan dan pendampingan
page-biz-train-text =
    🎓 Pelatihan dan pendampingan

    • Reintegrasi bisa berupa konseling psikososial, pelatihan vokasi, dan bimbingan kewirausahaan (PP 59/2021).
    • Pemberdayaan dilakukan oleh Kemnaker, BP2MI, dan/atau pemerintah desa.
    • Contoh: di Desa Lantan, Lombok Tengah, 4 kelompok (masing-masing 10 orang) menerima bantuan Rp20 juta per kelompok setelah pelatihan usaha.

    Lihat jadwal pelatihan dengan /pelatihan, atau tanyakan kepada petugas.

page-biz-capital = 💵 Modal usaha
page-biz-capital-text =
    💵 Modal usaha

    • Koperasi pekerja migran, misalnya 4 koperasi yang dibuka Kemnaker di Jawa Timur pada 2019, memberi pinjaman berbunga rendah agar orang tidak bergantung pada calo dan rentenir. Lihat «Koperasi».
    • KUR Penempatan hanya untuk biaya penempatan kerja ke luar negeri, bukan untuk modal usaha.
    • Pada Juli 2025, KP2MI dan Kementerian Koperasi sepakat membantu purna PMI membentuk atau masuk koperasi.

    Untuk pinjaman lain, tanyakan kepada petugas.

## Pilar 3: community parenting

page-par = 👨‍👩‍👧 Pengasuhan anak
page-par-text =
    👨‍👩‍👧 Community parenting (pengasuhan bersama)

    Ini pilar ketiga Desmigratif. Masyarakat desa ikut mengasuh anak-anak pekerja migran bersama-sama, selama orang tuanya bekerja di luar negeri.

    Bahan-bahannya disusun untuk anak-anak, pekerja migran, dan para pengasuh pengganti.

    Pilih topik:

page-par-problems = 💭 Masalah yang sering ada
page-par-problems-text =
    💭 Masalah yang sering dihadapi anak pekerja migran

    • sulit berkomunikasi dengan orang tua di luar negeri;
    • tidak ada biaya sekolah;
    • mendapat cap buruk (stigma);
    • pengasuhan oleh pengganti orang tua kurang kuat.

    Lewat community parenting, masyarakat desa membantu menghadapinya bersama.

page-par-support = 📚 Bahan dan kegiatan
page-par-support-text =
    📚 Bahan dan kegiatan

    • Kemnaker dan LKK-PBNU menyusun modul community parenting (2021) untuk anak, pekerja migran, pengasuh pengganti, dan fasilitator. Pada 2022 sudah ada 4 buku panduan.
    • Gagasan awalnya adalah pusat belajar-mengajar di desa untuk pendidikan dan kreativitas anak.

    Tanyakan kegiatan di desa Anda kepada petugas.

## Pilar 4: Koperasi Desmigratif

page-coop = 🤝 Koperasi
page-coop-text =
    🤝 Koperasi Desmigratif

    Ini pilar keempat Desmigratif. Koperasi memperkuat usaha produktif, agar purna PMI punya tabungan, modal, dan usaha di desa.

    Anggota adalah pemilik sekaligus pengguna koperasi. Koperasi diatur oleh UU 25/1992 tentang Perkoperasian.

    Pilih topik, atau daftar menjadi anggota:

page-coop-members = 👥 Anggota dan simpanan
page-coop-members-text =
    👥 Anggota dan simpanan

    • Simpanan pokok: sama besar untuk semua anggota, dibayar saat masuk.
    • Simpanan wajib: tidak harus sama besar, dibayar pada waktu yang ditentukan.
    • Kedua simpanan itu tidak bisa diambil selama masih menjadi anggota.
    • Simpanan sukarela: tabungan atas kemauan sendiri.

    Besarnya simpanan ditetapkan dalam anggaran dasar tiap koperasi. Tanyakan kepada pengurus atau petugas.

page-coop-loans = 💵 Pinjaman
page-coop-loans-text =
    💵 Pinjaman

    • Pada 2019 Kemnaker membuka 4 koperasi pekerja migran di Jawa Timur. Koperasi ini memberi pinjaman berbunga rendah kepada calon PMI, PMI, dan purna PMI, agar tidak bergantung pada calo dan rentenir.
    • Contoh: sebuah koperasi purna TKI di Malang meminjamkan Rp2–5 juta per anggota.
    • KUR Penempatan bukan pinjaman modal usaha; pinjaman itu untuk biaya penempatan kerja.

    Tanyakan syarat pinjaman kepada pengurus koperasi.

page-coop-meetings = 🗳️ Rapat Anggota
page-coop-meetings-text =
    🗳️ Rapat Anggota

    Rapat Anggota adalah kekuasaan tertinggi di koperasi. Rapat ini:
    • menetapkan anggaran dasar;
    • memilih Pengurus dan Pengawas;
    • mengesahkan rencana kerja, anggaran, dan laporan;
    • membagi sisa hasil usaha (SHU).

    Keputusan diambil dengan musyawarah; bila tidak tercapai, dengan suara terbanyak.

    Jadwal rapat: lihat «Kontak dan jam layanan».

page-coop-contacts = 📍 Kontak dan jam layanan
page-coop-contacts-text = 📍 Kontak dan jam layanan koperasi
