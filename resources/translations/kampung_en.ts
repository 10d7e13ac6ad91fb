<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AreaTreeModel</name>
    <message>
        <source>Wilayah</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Kab/kota, kecamatan, kelurahan, RW dan RT</source>
        <translation>City/regency, kecamatan, kelurahan, RW and RT</translation>
    </message>
    <message>
        <source>Jumlah rumah tangga terdaftar</source>
        <translation>Number of registered households</translation>
    </message>
    <message>
        <source>Semua wilayah</source>
        <translation>All areas</translation>
    </message>
</context>
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Penilaian {place} — Kelurahan {kelurahan}</source>
        <translation>Assessment {place} — Kelurahan {kelurahan}</translation>
    </message>
    <message>
        <source>Jawaban</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Perhitungan skor</source>
        <translation>Score calculation</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Kembalikan untuk perbaikan…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Skor {score} — {label}</source>
        <translation>Score {score} — {label}</translation>
    </message>
    <message>
        <source>Skor tidak dapat dihitung: {reason}</source>
        <translation>The score cannot be calculated: {reason}</translation>
    </message>
    <message>
        <source>Kelurahan {kelurahan}, Kecamatan {kecamatan} · {place} · tahun {year}</source>
        <translation>Kelurahan {kelurahan}, Kecamatan {kecamatan} · {place} · year {year}</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <source>Catatan pemeriksa: {note}</source>
        <translation>Reviewer&apos;s note: {note}</translation>
    </message>
    <message>
        <source>Bagian</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Masukan</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Persen</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Kembalikan untuk perbaikan</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Tulis apa yang harus diperbaiki petugas. Catatan ini dikirim bersama penilaian ke laptop petugas saat sinkronisasi.</source>
        <translation>Write what the enumerator must correct. This note goes with the assessment to the enumerator&apos;s laptop at the next sync.</translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Catat keputusan penghargaan</source>
        <translation>Record award decision</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Programme:</translation>
    </message>
    <message>
        <source>Penerima:</source>
        <translation>Recipient:</translation>
    </message>
    <message>
        <source>{place}, Kelurahan {kelurahan}</source>
        <translation>{place}, Kelurahan {kelurahan}</translation>
    </message>
    <message>
        <source>Skor:</source>
        <translation>Score:</translation>
    </message>
    <message>
        <source>Tahun:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Kategori:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Diputuskan oleh:</source>
        <translation>Decided by:</translation>
    </message>
    <message>
        <source>Waktu:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Catat keputusan</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>(tanpa kepala keluarga)</source>
        <translation>(no head of family)</translation>
    </message>
    <message>
        <source>Anggota ({n})</source>
        <translation>Members ({n})</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tempat, tanggal lahir</source>
        <translation>Place and date of birth</translation>
    </message>
    <message>
        <source>Status kawin</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Pilih rumah tangga di tabel untuk melihat rincian dan anggotanya.</source>
        <translation>Select a household in the table to see its details and members.</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Tampilkan NIK</source>
        <translation>Show NIK</translation>
    </message>
    <message>
        <source>NIK dan No. KK disamarkan; tampilkan hanya bila perlu (UU 27/2022).</source>
        <translation>NIK and family card numbers are masked; show them only when needed (Law 27/2022).</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>JK</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Tgl. lahir</source>
        <translation>Birth date</translation>
    </message>
</context>
<context>
    <name>Faults</name>
    <message>
        <source>berkas log aplikasi</source>
        <translation>the application log file</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Maaf, terjadi kesalahan yang tidak terduga. Data yang sudah disimpan tetap aman.

Rincian teknis dicatat di {log}. Bila terulang, kirim berkas itu ke admin.</source>
        <translation>Sorry, an unexpected error occurred. Everything already saved is safe.

Technical details were written to {log}. If it happens again, send that file to your admin.</translation>
    </message>
    <message>
        <source>Database tidak dapat dibuka</source>
        <translation>The database cannot be opened</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Ubah data rumah tangga</source>
        <translation>Edit household</translation>
    </message>
    <message>
        <source>Tambah rumah tangga</source>
        <translation>Add household</translation>
    </message>
    <message>
        <source>wajib diisi</source>
        <translation>required</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Simpan rumah tangga (Ctrl+S)</source>
        <translation>Save the household (Ctrl+S)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Rumah tangga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Ketik nama kelurahan atau kecamatan</source>
        <translation>Type a kelurahan or kecamatan name</translation>
    </message>
    <message>
        <source>Jalan, gang, nomor rumah</source>
        <translation>Street, alley, house number</translation>
    </message>
    <message>
        <source>16 digit nomor Kartu Keluarga</source>
        <translation>16-digit family card number</translation>
    </message>
    <message>
        <source>contoh -6.1783</source>
        <translation>e.g. -6.1783</translation>
    </message>
    <message>
        <source>contoh 106.6319</source>
        <translation>e.g. 106.6319</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Lintang</source>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Bujur</source>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Kelurahan &apos;%1&apos; tidak ada dalam daftar; pilih dari daftar.</source>
        <translation>Kelurahan &apos;%1&apos; is not in the list; choose one from the list.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; cocok dengan %2 kelurahan; pilih satu dari daftar.</source>
        <translation>&apos;%1&apos; matches %2 kelurahan; choose one from the list.</translation>
    </message>
    <message>
        <source>Lintang harus angka antara -90 dan 90, contoh -6.1783.</source>
        <translation>Latitude must be a number between -90 and 90, e.g. -6.1783.</translation>
    </message>
    <message>
        <source>Bujur harus angka antara -180 dan 180, contoh 106.6319.</source>
        <translation>Longitude must be a number between -180 and 180, e.g. 106.6319.</translation>
    </message>
    <message>
        <source>Isi lintang dan bujur bersama, atau kosongkan keduanya.</source>
        <translation>Fill in latitude and longitude together, or leave both empty.</translation>
    </message>
    <message>
        <source>Anggota no. %1</source>
        <translation>Member no. %1</translation>
    </message>
    <message numerus="yes">
        <source>%n isian perlu diperbaiki</source>
        <translation>
            <numerusform>%n field needs fixing</numerusform>
            <numerusform>%n fields need fixing</numerusform>
        </translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Status perkawinan</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Pendidikan</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Lapangan usaha</source>
        <translation>Line of work</translation>
    </message>
    <message>
        <source>Gagal menyimpan</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>Rumah tangga tidak dapat disimpan karena masalah pada database. Tidak ada yang tersimpan; data di formulir ini masih ada. Coba lagi, atau tutup dan buka kembali aplikasi.</source>
        <translation>The household could not be saved because of a database problem. Nothing was saved; what you typed is still in this form. Try again, or close and reopen the application.</translation>
    </message>
    <message>
        <source>Tersimpan dengan catatan</source>
        <translation>Saved with notes</translation>
    </message>
    <message>
        <source>Rumah tangga tersimpan. Periksa lagi catatan berikut:</source>
        <translation>The household was saved. Please check these notes:</translation>
    </message>
    <message>
        <source>Buang perubahan?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Perubahan pada rumah tangga ini belum disimpan. Buang perubahan?</source>
        <translation>Changes to this household have not been saved. Discard them?</translation>
    </message>
</context>
<context>
    <name>HouseholdList</name>
    <message>
        <source>{n}+ rumah tangga</source>
        <translation>{n}+ households</translation>
    </message>
    <message>
        <source>Cari nama, NIK, No. KK, alamat…</source>
        <translation>Search name, NIK, family card no., address…</translation>
    </message>
    <message>
        <source>Hasil muncul saat Anda mengetik; awal kata sudah cukup.</source>
        <translation>Results appear as you type; the start of a word is enough.</translation>
    </message>
    <message>
        <source>{n} rumah tangga</source>
        <translation>{n} households</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Kepala keluarga</source>
        <translation>Head of family</translation>
    </message>
    <message>
        <source>No. KK</source>
        <translation>Family card no.</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kampung — Pendataan rumah tangga</source>
        <translation>Kampung — Household register</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Data</translation>
    </message>
    <message>
        <source>&amp;Bantuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Penilaian</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <source>Wawancara / penilaian…</source>
        <translation>Interview / assessment…</translation>
    </message>
    <message>
        <source>Isi formulir penilaian untuk rumah tangga terpilih atau satu RT (Ctrl+I)</source>
        <translation>Fill an assessment form for the selected household or one RT (Ctrl+I)</translation>
    </message>
    <message>
        <source>Pemeriksaan dan penghargaan…</source>
        <translation>Review and awards…</translation>
    </message>
    <message>
        <source>Periksa penilaian, putuskan penghargaan dan cetak piagam</source>
        <translation>Review assessments, decide awards and print certificates</translation>
    </message>
    <message>
        <source>Tambah rumah tangga</source>
        <translation>Add household</translation>
    </message>
    <message>
        <source>Daftarkan rumah tangga baru beserta anggotanya (Ctrl+N)</source>
        <translation>Register a new household and its members (Ctrl+N)</translation>
    </message>
    <message>
        <source>Ubah</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Ubah rumah tangga yang dipilih (Ctrl+E)</source>
        <translation>Edit the selected household (Ctrl+E)</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Cari</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Pengaturan…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Tentang Kampung</source>
        <translation>About Kampung</translation>
    </message>
    <message>
        <source>Belum tersedia</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <source>Formulir rumah tangga belum tersedia.</source>
        <translation>The household form is not available yet.</translation>
    </message>
    <message>
        <source>Terjemahan tidak ditemukan</source>
        <translation>Translation not found</translation>
    </message>
    <message>
        <source>Berkas terjemahan belum dibuat; aplikasi tetap berbahasa Indonesia.</source>
        <translation>The translation file has not been built; the application stays in Bahasa Indonesia.</translation>
    </message>
    <message>
        <source>Kampung {version}
Pendataan rumah tangga dan penilaian kampung, bekerja tanpa internet.</source>
        <translation>Kampung {version}
Household register and neighbourhood assessment that works without internet.</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>Ubah anggota no. %1</source>
        <translation>Edit member no. %1</translation>
    </message>
    <message>
        <source>Tambah anggota rumah tangga</source>
        <translation>Add household member</translation>
    </message>
    <message>
        <source>16 digit, contoh 3671091708800001</source>
        <translation>16 digits, e.g. 3671091708800001</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Ketik hh-bb-tttt atau pilih dari kalender</source>
        <translation>Type dd-mm-yyyy or pick from the calendar</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Tanggal lahir tidak diketahui</source>
        <translation>Date of birth unknown</translation>
    </message>
    <message>
        <source>— tidak diisi —</source>
        <translation>— not filled in —</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Hubungan dengan kepala keluarga</source>
        <translation>Relationship to head of family</translation>
    </message>
    <message>
        <source>Status perkawinan</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Pendidikan tertinggi</source>
        <translation>Highest education</translation>
    </message>
    <message>
        <source>Lapangan usaha</source>
        <translation>Line of work</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>wajib diisi</source>
        <translation>required</translation>
    </message>
    <message>
        <source>Diisi dari NIK; periksa dengan KK.</source>
        <translation>Filled in from the NIK; check against the family card.</translation>
    </message>
    <message>
        <source>Tanggal lahir belum lengkap atau tidak ada; tulis hh-bb-tttt, contoh 17-08-1980.</source>
        <translation>The date of birth is incomplete or does not exist; write dd-mm-yyyy, e.g. 17-08-1980.</translation>
    </message>
    <message>
        <source>Buang perubahan?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <source>Data anggota yang sudah diketik belum disimpan. Buang perubahan?</source>
        <translation>The member details you typed have not been saved. Discard them?</translation>
    </message>
</context>
<context>
    <name>MemberTable</name>
    <message>
        <source>Anggota rumah tangga</source>
        <translation>Household members</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tambah anggota…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Naik</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Turun</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>tanpa nama</source>
        <translation>no name</translation>
    </message>
    <message>
        <source>Hapus anggota</source>
        <translation>Remove member</translation>
    </message>
    <message>
        <source>Hapus %1 dari daftar anggota?</source>
        <translation>Remove %1 from the member list?</translation>
    </message>
    <message>
        <source>Belum ada anggota; tambahkan minimal kepala keluarga.</source>
        <translation>No members yet; add at least the head of family.</translation>
    </message>
    <message>
        <source>Belum ada anggota dengan hubungan &apos;Kepala keluarga&apos;.</source>
        <translation>No member has the relationship &apos;Head of family&apos; yet.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Wajib diisi.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Pratinjau — {name}</source>
        <translation>Preview — {name}</translation>
    </message>
    <message>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Buka di aplikasi lain</source>
        <translation>Open in another application</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pratinjau tidak tersedia (modul QtPdf tidak terpasang). Buka berkas di aplikasi PDF lain untuk melihat dan mencetaknya.</source>
        <translation>Preview is not available (the QtPdf module is not installed). Open the file in another PDF application to view and print it.</translation>
    </message>
    <message>
        <source>{count} halaman · {path}</source>
        <translation>{count} pages · {path}</translation>
    </message>
    <message>
        <source>Cetak piagam</source>
        <translation>Print certificates</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <source>Cetak piagam {program} {year}</source>
        <translation>Print certificates {program} {year}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wilayah&lt;/b&gt;</source>
        <translation>&lt;b&gt;Area&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{area} — {count} piagam</source>
        <translation>{area} — {count} certificates</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hasil&lt;/b&gt;</source>
        <translation>&lt;b&gt;Output&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Satu berkas PDF berisi semua piagam</source>
        <translation>One PDF file with all certificates</translation>
    </message>
    <message>
        <source>Satu berkas PDF per piagam, dalam folder</source>
        <translation>One PDF file per certificate, in a folder</translation>
    </message>
    <message>
        <source>Berkas:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Tanggal piagam:</source>
        <translation>Certificate date:</translation>
    </message>
    <message>
        <source>Nomor piagam diberikan saat mencetak dan tidak pernah berulang; piagam yang sudah pernah dicetak memakai nomor dan tanggalnya semula.</source>
        <translation>Certificate numbers are assigned when printing and never repeat; a certificate printed before keeps its original number and date.</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Simpan piagam sebagai</source>
        <translation>Save certificates as</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Folder piagam</source>
        <translation>Certificate folder</translation>
    </message>
</context>
<context>
    <name>ProgramTab</name>
    <message>
        <source>Penilaian</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Peringkat</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Keputusan dan piagam</source>
        <translation>Decisions and certificates</translation>
    </message>
    <message>
        <source>RW</source>
        <translation>RW</translation>
    </message>
    <message>
        <source>RT</source>
        <translation>RT</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Kategori RT</source>
        <translation>RT category</translation>
    </message>
    <message>
        <source>Catatan pemeriksa</source>
        <translation>Reviewer&apos;s note</translation>
    </message>
    <message>
        <source>Prioritas</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>RT / RW</source>
        <translation>RT / RW</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Diputuskan oleh</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Nomor piagam</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <source>Buka…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Kembalikan untuk perbaikan…</source>
        <translation>Return for correction…</translation>
    </message>
    <message>
        <source>Catat keputusan…</source>
        <translation>Record decision…</translation>
    </message>
    <message>
        <source>Cabut keputusan…</source>
        <translation>Revoke decision…</translation>
    </message>
    <message>
        <source>Cetak piagam…</source>
        <translation>Print certificates…</translation>
    </message>
    <message>
        <source>Laporan rekap…</source>
        <translation>Summary report…</translation>
    </message>
    <message>
        <source>Urutan dari skor tertinggi (skor Kotaku: makin tinggi makin kumuh).</source>
        <translation>Ordered from the highest score (Kotaku score: the higher, the more slum-like).</translation>
    </message>
    <message>
        <source>Urutan RT dari skor tertinggi; skor sama mendapat peringkat sama.</source>
        <translation>RTs ordered from the highest score; equal scores share a rank.</translation>
    </message>
    <message>
        <source>Keputusan yang dicabut tetap tercatat dan ditandai dicabut.</source>
        <translation>Revoked decisions stay on record, marked as revoked.</translation>
    </message>
    <message>
        <source>Belum ada penilaian final untuk program ini di kelurahan ini.</source>
        <translation>No finalised assessment for this programme in this kelurahan yet.</translation>
    </message>
    <message>
        <source>{count} penilaian</source>
        <translation>{count} assessments</translation>
    </message>
    <message>
        <source>menunggu pemeriksaan: {count}</source>
        <translation>waiting for review: {count}</translation>
    </message>
    <message>
        <source>Dicabut: {reason}</source>
        <translation>Revoked: {reason}</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Penilaian disetujui.</source>
        <translation>Assessment approved.</translation>
    </message>
    <message>
        <source>Kembalikan untuk perbaikan</source>
        <translation>Return for correction</translation>
    </message>
    <message>
        <source>Tulis apa yang harus diperbaiki petugas ({place}). Catatan dikirim bersama penilaian saat sinkronisasi.</source>
        <translation>Write what the enumerator must correct ({place}). The note goes with the assessment at the next sync.</translation>
    </message>
    <message>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Penilaian dikembalikan ke petugas dengan catatan.</source>
        <translation>Assessment returned to the enumerator with a note.</translation>
    </message>
    <message>
        <source>Keputusan penghargaan dicatat.</source>
        <translation>Award decision recorded.</translation>
    </message>
    <message>
        <source>Cabut keputusan</source>
        <translation>Revoke decision</translation>
    </message>
    <message>
        <source>Keputusan {place} kategori {category} dicabut, piagamnya ditandai dicabut (tidak dihapus). Tulis alasannya.</source>
        <translation>The decision for {place}, category {category}, will be revoked and its certificate marked revoked (not deleted). Write the reason.</translation>
    </message>
    <message>
        <source>Cabut</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Keputusan dicabut.</source>
        <translation>Decision revoked.</translation>
    </message>
    <message>
        <source>Simpan laporan rekap</source>
        <translation>Save summary report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Laporan disimpan: {files}</source>
        <translation>Report saved: {files}</translation>
    </message>
</context>
<context>
    <name>ReviewPrinting</name>
    <message>
        <source>Kelurahan {name}</source>
        <translation>Kelurahan {name}</translation>
    </message>
    <message>
        <source>Kecamatan {name}</source>
        <translation>Kecamatan {name}</translation>
    </message>
    <message>
        <source>Mencetak piagam…</source>
        <translation>Printing certificates…</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cetak piagam</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <source>Mencetak piagam {done} dari {total}…</source>
        <translation>Printing certificate {done} of {total}…</translation>
    </message>
    <message>
        <source>Pencetakan dibatalkan; tidak ada berkas yang dibuat.</source>
        <translation>Printing cancelled; no file was made.</translation>
    </message>
    <message>
        <source>{count} piagam dicetak ke {path}.</source>
        <translation>{count} certificates printed to {path}.</translation>
    </message>
    <message>
        <source>{count} piagam dicetak ke folder {folder}.</source>
        <translation>{count} certificates printed to the folder {folder}.</translation>
    </message>
    <message>
        <source>{count} piagam disimpan, satu berkas per piagam, di folder:
{folder}</source>
        <translation>{count} certificates saved, one file per certificate, in the folder:
{folder}</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>Pemeriksaan penilaian dan penghargaan</source>
        <translation>Assessment review and awards</translation>
    </message>
    <message>
        <source>Kecamatan:</source>
        <translation>Kecamatan:</translation>
    </message>
    <message>
        <source>Kelurahan:</source>
        <translation>Kelurahan:</translation>
    </message>
    <message>
        <source>Tahun:</source>
        <translation>Year:</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Draf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Disetujui</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Tidak dapat dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bahasa langsung berganti setelah Anda menekan Simpan.</source>
        <translation>The language changes as soon as you press Save.</translation>
    </message>
    <message>
        <source>Bahasa tampilan</source>
        <translation>Display language</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Membuka data…</source>
        <translation>Opening data…</translation>
    </message>
    <message>
        <source>Folder data: {path}</source>
        <translation>Data folder: {path}</translation>
    </message>
    <message>
        <source>Perubahan menunggu sinkron: {n}</source>
        <translation>Changes waiting to sync: {n}</translation>
    </message>
    <message>
        <source>DATA DEMO</source>
        <translation>DEMO DATA</translation>
    </message>
    <message>
        <source>Data ini contoh buatan untuk latihan, bukan data warga sebenarnya.</source>
        <translation>This is made-up sample data for training, not real residents.</translation>
    </message>
</context>
</TS>
