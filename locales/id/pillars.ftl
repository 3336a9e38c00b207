# Empat pilar Desmigratif: halaman informasi, tombol menu utama, dan perintah.
# Sumber isi: /work/shared/CONTENT.md dan seed/000. Nomor layanan dan nama lembaga bisa berubah:
# periksa lagi sebelum rilis.

menu-button-faq = 📖 Tanya-jawab (FAQ)
menu-button-ask = 💬 Tanya petugas
menu-button-inbox = 📥 Pertanyaan masuk

command-migration = Migrasi aman: langkah, dokumen, saluran resmi
command-business = Usaha produktif: pelatihan dan modal
command-parenting = Pengasuhan anak pekerja migran
command-cooperative = Koperasi Desmigratif dan cara bergabung
command-faq = Pertanyaan yang sering diajukan
command-ask = Bertanya kepada petugas
command-inbox = Pertanyaan yang belum dijawab (petugas)
command-answer = Menjawab pertanyaan: /jawab NOMOR teks (petugas)

## Pilar 1: layanan migrasi

page-mig = 🧭 Migrasi aman
page-mig-text =
    🧭 Migrasi aman (layanan migrasi)

    Ini pilar pertama Desmigratif. Di balai desa ada layanan migrasi. Petugasnya memberi informasi kerja di dalam dan luar negeri, dan membantu mengurus dokumen awal. Mereka juga memeriksa data calon pekerja migran dan membantu keluarga yang sedang bermasalah.

    Negara wajib melindungi pekerja migran sebelum, selama, dan sesudah bekerja.

    Pilih topik:

page-mig-steps = ✅ Langkah-langkah
page-mig-steps-text =
    ✅ Langkah bekerja ke luar negeri secara resmi

    Syaratnya: umur paling sedikit 18 tahun, punya keterampilan untuk pekerjaannya, dan sehat jasmani dan rohani. Sebelum berangkat, Anda juga harus terdaftar di BPJS Ketenagakerjaan (langkah 9).

    1. Cari informasi di layanan migrasi desa, di Dinas Tenaga Kerja (Disnaker) kabupaten/kota, atau di kantor LTSA.
    2. Siapkan dokumen awal (tekan «📄 Dokumen» di bawah).
    3. Daftar sebagai calon pekerja migran di Disnaker atau LTSA. Petugas mencocokkan data Anda dengan data kependudukan (Dukcapil). Anda mendapat kartu kuning (AK/I), gratis.
    4. Pilih perusahaan penempatan yang berizin (P3MI), lalu ikut seleksinya. Cek izinnya dengan «🏢 Cek izin perusahaan».
    5. Ikut pelatihan dan uji kompetensi (misalnya di BLK) untuk mendapat sertifikat kompetensi.
    6. Periksa kesehatan di sarana kesehatan yang ditunjuk pemerintah.
    7. Tanda tangani Perjanjian Penempatan dengan P3MI, di Disnaker atau LTSA.
    8. Buat paspor di kantor imigrasi, dengan surat rekomendasi dari Disnaker.
    9. Daftar BPJS Ketenagakerjaan dan urus visa kerja.
    10. Ikut Orientasi Pra Pemberangkatan (OPP) di BP3MI (di beberapa daerah di Disnaker). Tanpa OPP, Anda tidak bisa berangkat.
    11. Tanda tangani Perjanjian Kerja, lalu berangkat dengan visa kerja, bukan visa kunjungan.

    Urutannya bisa sedikit berbeda di tiap daerah. Tanyakan ke Disnaker. Ingat: perorangan (calo) tidak boleh menempatkan pekerja migran.

page-mig-docs = 📄 Dokumen
page-mig-docs-text =
    📄 Dokumen calon pekerja migran

    Yang biasanya diminta lebih dulu (siapkan yang asli dan fotokopinya):
    • KTP elektronik dan Kartu Keluarga (KK), dari Dukcapil. Datanya harus sama. Bila berbeda, perbaiki dulu di Dukcapil.
    • Akta kelahiran, dari Dukcapil.
    • Ijazah terakhir. Syarat pendidikan tergantung negara tujuan.
    • Surat izin dari suami/istri, orang tua, atau wali, yang ditandatangani dan diketahui kepala desa atau lurah.
    • Kartu kuning (AK/I), dari Disnaker, gratis. Biasanya dibuat saat Anda mendaftar di Disnaker (langkah 3).
    • Surat keterangan sehat, dari sarana kesehatan yang ditunjuk pemerintah.
    • Paspor, bila sudah punya. Bila belum, dibuat nanti di kantor imigrasi, dengan rekomendasi Disnaker (langkah 8).

    Menurut UU 18/2017 Pasal 13, sebelum berangkat Anda harus punya:
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

    • Pekerja migran tidak boleh dibebani biaya penempatan (UU 18/2017 Pasal 30). Aturan BP2MI (sekarang KP2MI) menyebut jabatan yang bebas biaya, antara lain pekerja rumah tangga, pengasuh bayi, perawat lansia, juru masak, dan sopir keluarga. Tanyakan ke Disnaker apakah pekerjaan Anda termasuk.
    • Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM) dari BPJS Ketenagakerjaan wajib; Jaminan Hari Tua (JHT) boleh dipilih. Iurannya Rp37.500 sebelum bekerja, ditambah Rp332.500 untuk kontrak 24 bulan.
    • KUR Penempatan (sejak Agustus 2025) adalah pinjaman untuk biaya penempatan, bukan modal usaha: sampai Rp100 juta, bunga 6%, tanpa barang jaminan (agunan). Cicilannya direncanakan mulai bulan ke-7 bekerja sampai kontrak selesai.

page-mig-help = 📞 Saluran resmi
page-mig-help-text =
    📞 Saluran resmi

    • KP2MI (dulu BP2MI): telepon 0800-1000 (gratis, dari Indonesia), +62 21 2924 4800 (dari luar negeri), WhatsApp 0811-8080-141, situs kp2mi.go.id, sistem pendaftaran siskop2mi.bp2mi.go.id, atau kantor BP3MI/P4MI terdekat.
    • Kemnaker: layanan telepon 1500-630, pengaduan «Lapor Menaker» di kemnaker.go.id.
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

    Perorangan dilarang menempatkan pekerja migran. Hukumannya: penjara paling lama 10 tahun dan denda paling banyak Rp15 miliar (UU 18/2017).

    Bila ragu, cek perusahaannya dengan «🏢 Cek izin perusahaan», dan tanyakan ke Disnaker atau KP2MI (0800-1000). Melapor calo: ke Disnaker, KP2MI, atau polisi (110). Bawa nama dan alamat perusahaannya, nama dan nomor perekrutnya, dan surat-surat yang mencurigakan.

page-mig-limits = 🌏 Negara dengan pembatasan
page-mig-limits-text =
    🌏 Negara tujuan dengan pembatasan

    • Sejak Juli 2015 (Keputusan Menteri Ketenagakerjaan 260/2015), penempatan pekerja rumah tangga (yang bekerja untuk keluarga) ke negara-negara Timur Tengah dihentikan, antara lain ke Arab Saudi, Uni Emirat Arab, dan Suriah.
    • Pada 2018–2019, untuk Arab Saudi ada uji coba Sistem Penempatan Satu Kanal (SPSK, Keputusan Menteri Ketenagakerjaan 291/2018): hanya lewat P3MI yang terpilih, untuk enam jabatan (antara lain penata laksana rumah tangga, pengasuh bayi, juru masak keluarga, perawat lansia, sopir keluarga), dengan kontrak 2 tahun.
    • Pada Maret 2025, Menteri P2MI menyebut penghentian ke Arab Saudi masih berlaku dan akan dibuka setelah ada perjanjian baru. Kami belum menemukan kabar bahwa perjanjian itu sudah ditandatangani.
    • KP2MI juga memperingatkan lowongan ke negara yang tidak punya perjanjian penempatan dengan Indonesia, seperti Thailand, Myanmar, dan Kamboja.

    Aturan ini bisa berubah. Sebelum menerima tawaran kerja rumah tangga di Timur Tengah, atau kerja di negara-negara itu, tanyakan dulu ke Disnaker atau KP2MI (0800-1000).

## Pilar 2: usaha produktif

page-biz = 💼 Usaha produktif
page-biz-text =
    💼 Usaha produktif

    Ini pilar kedua Desmigratif. Keluarga pekerja migran dibantu membuka usaha yang cocok dengan desanya: pelatihan, pendampingan, bantuan alat, dan bantuan menjual.

    Purna PMI bisa ikut pelatihan usaha dan cara mengatur uang. Tujuannya: bisa bekerja dan hidup layak di kampung sendiri.

    Pilih topik:

page-biz-train = 🎓 Pelatihan dan pendampingan
page-biz-train-text =
    🎓 Pelatihan dan pendampingan

    • Setelah pulang, purna PMI bisa mendapat konseling (bantuan untuk beban pikiran), pelatihan keterampilan kerja, dan bimbingan usaha (PP 59/2021).
    • Bantuan ini diberikan oleh Kemnaker, KP2MI (dulu BP2MI), atau pemerintah desa.
    • Bentuk bantuan berbeda di tiap desa dan tidak selalu ada. Tanyakan kepada petugas apa yang ada di desa Anda.

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
    👨‍👩‍👧 Pengasuhan bersama (community parenting)

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

page-par-carers = 🧒 Untuk pengasuh anak
page-par-carers-text =
    🧒 Untuk yang mengasuh anak pekerja migran

    • Jelaskan kepada anak bahwa ayah atau ibunya bekerja demi anak, bukan karena tidak sayang. Untuk anak kecil, pakai kata-kata yang sederhana.
    • Buat waktu tetap untuk telepon atau video call dengan orang tuanya. Ajak mereka benar-benar mengobrol, bukan hanya soal uang.
    • Sepakati dengan orang tua anak bagaimana cara mengasuhnya.
    • Ceritakan kepada orang tua kabar sekolah dan kesehatan anak. Pujilah anak bila ia berhasil.
    • Perhatikan bila anak sering marah, menjauhi teman, sering menangis atau murung, tidurnya berubah, atau nilai sekolahnya turun. Itu bisa tanda ia butuh bantuan.

    Tempat minta bantuan:
    • SAPA 129: telepon 129 atau WhatsApp 08111-129-129 (24 jam), bila ada kekerasan terhadap anak atau perempuan.
    • Puspaga (Pusat Pembelajaran Keluarga) di dinas PPPA kabupaten/kota: konseling keluarga gratis. Belum ada di semua daerah.
    • Kelompok BKB (Bina Keluarga Balita) di desa: belajar mengasuh anak di bawah lima tahun.
    • Petugas Desmigratif: tekan «💬 Tanya petugas».

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

    Pilih topik, atau tekan «✋ Saya ingin bergabung»:

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
    • Contoh: sebuah koperasi purna PMI di Malang memberi pinjaman kecil kepada anggotanya.
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
