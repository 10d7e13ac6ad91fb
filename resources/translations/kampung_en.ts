<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AccessUi</name>
    <message>
        <source>A&amp;kun</source>
        <translation>A&amp;ccount</translation>
    </message>
    <message>
        <source>Masuk sebagai {user} ({role})</source>
        <translation>Signed in as {user} ({role})</translation>
    </message>
    <message>
        <source>Ganti &amp;kata sandi…</source>
        <translation>Change &amp;password…</translation>
    </message>
    <message>
        <source>&amp;Pengguna…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>Pengaturan &amp;awal…</source>
        <translation>&amp;First-start settings…</translation>
    </message>
</context>
<context>
    <name>AccountDialogs</name>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>terlalu pendek</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>lemah</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>cukup</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>kuat</source>
        <translation>strong</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Cara kerja dan akun</source>
        <translation>How this laptop works, and its account</translation>
    </message>
    <message>
        <source>Kampung bekerja penuh tanpa internet. Buat akun admin laptop ini, atau hubungkan ke server kota dengan akun dari admin kota.</source>
        <translation>Kampung works fully without internet. Create this laptop&apos;s admin account, or connect to the city server with an account from the city admin.</translation>
    </message>
    <message>
        <source>Bekerja &amp;tanpa server: buat akun admin</source>
        <translation>Work &amp;without a server: create an admin account</translation>
    </message>
    <message>
        <source>&amp;Hubungkan ke server kota</source>
        <translation>&amp;Connect to the city server</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap (boleh kosong)</source>
        <translation>&amp;Full name (optional)</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>Kekuatan</source>
        <translation>Strength</translation>
    </message>
    <message>
        <source>&amp;Alamat server</source>
        <translation>Server &amp;address</translation>
    </message>
    <message>
        <source>Nama pengguna &amp;server</source>
        <translation>&amp;Server username</translation>
    </message>
    <message>
        <source>Kata sandi ser&amp;ver</source>
        <translation>Ser&amp;ver password</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>Kata &amp;sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
    <message>
        <source>&amp;Kelurahan kerja (tidak ada yang dicentang: seluruh kota)</source>
        <translation>Working &amp;kelurahan (none ticked: the whole city)</translation>
    </message>
    <message>
        <source>Kelurahan kerja</source>
        <translation>Working kelurahan</translation>
    </message>
    <message>
        <source>Cari kelurahan, kecamatan atau kode…</source>
        <translation>Search kelurahan, kecamatan or code…</translation>
    </message>
    <message>
        <source>Saring kelurahan</source>
        <translation>Filter kelurahan</translation>
    </message>
</context>
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
    <name>AuditDialog</name>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>{n} entri</source>
        <translation>{n} entries</translation>
    </message>
    <message>
        <source>{n} entri terbaru (ekspor CSV memuat semuanya)</source>
        <translation>newest {n} entries (the CSV export holds them all)</translation>
    </message>
    <message>
        <source>Rantai utuh: {n} entri diperiksa.</source>
        <translation>Chain intact: {n} entries checked.</translation>
    </message>
    <message>
        <source>Rantai rusak di entri #{seq}: {reason}</source>
        <translation>Chain broken at entry #{seq}: {reason}</translation>
    </message>
    <message>
        <source>Ekspor log audit</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>{n} entri diekspor ke {file}.</source>
        <translation>{n} entries exported to {file}.</translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Pengguna:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Tindakan:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Periksa rantai</source>
        <translation>Check chain</translation>
    </message>
    <message>
        <source>Periksa bahwa tidak ada entri yang diubah, dihapus atau disisipkan.</source>
        <translation>Check that no entry was changed, deleted or inserted.</translation>
    </message>
    <message>
        <source>Ekspor CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Jenis data</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>ID data</source>
        <translation>Record ID</translation>
    </message>
    <message>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Entri log audit</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <source>Memeriksa rantai…</source>
        <translation>Checking the chain…</translation>
    </message>
    <message>
        <source>Mengekspor…</source>
        <translation>Exporting…</translation>
    </message>
</context>
<context>
    <name>AuditUi</name>
    <message numerus="yes">
        <source>%n kali gagal masuk sejak kunjungan terakhir Anda. Lihat Data › Log audit…</source>
        <translation>
            <numerusform>%n failed sign-in since your last visit. See Data › Audit log…</numerusform>
            <numerusform>%n failed sign-ins since your last visit. See Data › Audit log…</numerusform>
        </translation>
    </message>
    <message>
        <source>Percobaan masuk gagal</source>
        <translation>Failed sign-in attempts</translation>
    </message>
    <message>
        <source>Log audit…</source>
        <translation>Audit log…</translation>
    </message>
    <message>
        <source>Siapa melihat, mengubah, mengekspor atau mencetak data</source>
        <translation>Who viewed, changed, exported or printed data</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message>
        <source>Kampung — Terkunci</source>
        <translation>Kampung — Locked</translation>
    </message>
    <message>
        <source>&amp;Kunci sekarang</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <source>Kunci aplikasi sekarang; data tersembunyi (Ctrl+L)</source>
        <translation>Lock the app now; the data is hidden (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>AutoLockBox</name>
    <message>
        <source>Kunci otomatis</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Kunci setelah tidak dipakai</source>
        <translation>Lock after no use for</translation>
    </message>
    <message>
        <source>Menit sebelum aplikasi terkunci sendiri</source>
        <translation>Minutes before the app locks itself</translation>
    </message>
    <message>
        <source>Layar terkunci tidak menampilkan data apa pun; masuk lagi untuk melanjutkan.</source>
        <translation>A locked screen shows none of the data; sign in again to continue.</translation>
    </message>
    <message>
        <source>Ulangi pengaturan &amp;awal…</source>
        <translation>Run the &amp;first start again…</translation>
    </message>
    <message>
        <source>Bahasa, kelurahan kerja dan data demo; akun dan data tetap</source>
        <translation>Language, working kelurahan and demo data; accounts and data stay</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <source>Cadangkan sekarang…</source>
        <translation>Back up now…</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>Jadwal cadangan…</source>
        <translation>Backup schedule…</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Cadangan terjadwal dibuat: {name}</source>
        <translation>Scheduled backup made: {name}</translation>
    </message>
    <message>
        <source>Cadangkan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>Cadangan dibuat: {path}</source>
        <translation>Backup made: {path}</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>Pulihkan data dari cadangan tanggal {taken} ({households} rumah tangga)?

Semua data yang ada sekarang diganti dengan isi cadangan itu: perubahan sejak {taken} akan hilang. Tindakan ini tidak dapat dibatalkan.</source>
        <translation>Restore the data from the backup of {taken} ({households} households)?

All data now on this laptop is replaced by that backup: changes made since {taken} are lost. This cannot be undone.</translation>
    </message>
    <message>
        <source>Data dipulihkan dari cadangan.</source>
        <translation>Data restored from the backup.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Kata sandi &amp;lama</source>
        <translation>&amp;Old password</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>&amp;Repeat new password</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Selesaikan konflik</source>
        <translation>Resolve conflict</translation>
    </message>
    <message>
        <source>&lt;b&gt;{kind}: {label}&lt;/b&gt;&lt;br&gt;Pilih untuk setiap isian versi mana yang berlaku.</source>
        <translation>&lt;b&gt;{kind}: {label}&lt;/b&gt;&lt;br&gt;Choose, for each field, which version stands.</translation>
    </message>
    <message>
        <source>Isian</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Versi yang berlaku sekarang</source>
        <translation>Version in force now</translation>
    </message>
    <message>
        <source>Versi lain yang bentrok</source>
        <translation>The other, conflicting version</translation>
    </message>
    <message>
        <source>Semua versi sekarang</source>
        <translation>All current versions</translation>
    </message>
    <message>
        <source>Semua versi lain</source>
        <translation>All other versions</translation>
    </message>
    <message>
        <source>Simpan keputusan</source>
        <translation>Save decision</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>Masih %Ln isian belum dipilih.</source>
        <translation>
            <numerusform>%Ln field still to choose.</numerusform>
            <numerusform>%Ln fields still to choose.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialsForm</name>
    <message>
        <source>Isi nama pengguna. / Enter your username.</source>
        <translation>Isi nama pengguna. / Enter your username.</translation>
    </message>
    <message>
        <source>Isi kata sandi. / Enter your password.</source>
        <translation>Isi kata sandi. / Enter your password.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Pesan masuk</source>
        <translation>Sign-in message</translation>
    </message>
    <message>
        <source>DATA DEMO — bukan data warga sungguhan. Admin demo (sudah terisi; tekan Enter):
nama pengguna: {user}    kata sandi: {password}</source>
        <translation>DEMO DATA — not real residents. Demo admin (filled in; press Enter):
username: {user}    password: {password}</translation>
    </message>
    <message>
        <source>Memeriksa kata sandi…</source>
        <translation>Checking the password…</translation>
    </message>
</context>
<context>
    <name>Curtain</name>
    <message>
        <source>Kampung terkunci</source>
        <translation>Kampung is locked</translation>
    </message>
    <message>
        <source>Data disembunyikan. Masuk lagi dengan kata sandi Anda untuk melanjutkan.</source>
        <translation>The data is hidden. Sign in again with your password to continue.</translation>
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
        <source>nama lengkap pengambil keputusan</source>
        <translation>full name of the person deciding</translation>
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
    <message>
        <source>&lt;b&gt;Penghargaan ini tidak memenuhi aturan:&lt;/b&gt;</source>
        <translation>&lt;b&gt;This award does not meet the rules:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tetap catat sebagai pengecualian (alasan dicatat di log audit)</source>
        <translation>Record it anyway as an exception (the reason goes into the audit log)</translation>
    </message>
    <message>
        <source>Alasan pengecualian, mis. keputusan rapat juri</source>
        <translation>Reason for the exception, e.g. the jury meeting&apos;s decision</translation>
    </message>
    <message>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
</context>
<context>
    <name>DemoPage</name>
    <message>
        <source>Data demo (pilihan)</source>
        <translation>Demo data (optional)</translation>
    </message>
    <message>
        <source>Untuk latihan: rumah tangga contoh dengan nama dan NIK rekaan.</source>
        <translation>For training: sample households with made-up names and NIKs.</translation>
    </message>
    <message>
        <source>&amp;Isi {n} rumah tangga demo</source>
        <translation>&amp;Add {n} demo households</translation>
    </message>
    <message>
        <source>Data demo sudah ada di folder ini.</source>
        <translation>This folder already holds demo data.</translation>
    </message>
    <message>
        <source>DATA DEMO bukan warga sungguhan. Semuanya ditandai DEMO di layar dan di cetakan, dan tidak pernah dikirim ke server kota. Jangan dipakai untuk pendataan nyata.</source>
        <translation>DEMO DATA are not real residents. All of it is marked DEMO on screen and in print, and it is never sent to the city server. Do not use it for real registration.</translation>
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
        <source>Cocok dengan pencarian: {names}</source>
        <translation>Matches the search: {names}</translation>
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
        <source>Anggota rumah tangga</source>
        <translation>Household members</translation>
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
    <name>EnrolDialog</name>
    <message>
        <source>Alamat server harus diawali http:// atau https://, mis. {example}</source>
        <translation>The server address must start with http:// or https://, e.g. {example}</translation>
    </message>
    <message>
        <source>Isi nama pengguna yang diberikan admin.</source>
        <translation>Enter the username the administrator gave you.</translation>
    </message>
    <message>
        <source>Isi kata sandi.</source>
        <translation>Enter the password.</translation>
    </message>
    <message>
        <source>Menghubungi server…</source>
        <translation>Contacting the server…</translation>
    </message>
    <message>
        <source>Sinkronisasi dengan server</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <source>Kampung bekerja penuh tanpa internet. Bila kelurahan Anda memakai server kota, hubungkan laptop ini agar data terkirim sendiri setiap ada sinyal.</source>
        <translation>Kampung works fully without internet. If your kelurahan uses the city server, connect this laptop so its data is sent by itself whenever there is a signal.</translation>
    </message>
    <message>
        <source>Bekerja tanpa server (data hanya di laptop ini)</source>
        <translation>Work without a server (data stays on this laptop only)</translation>
    </message>
    <message>
        <source>Hubungkan ke server kota</source>
        <translation>Connect to the city server</translation>
    </message>
    <message>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
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
    <name>Faults</name>
    <message>
        <source>Tidak dapat dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
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
    <name>FirstStartDialog</name>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>&amp;Lanjut</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Langkah {n} dari {total}</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <source>Bahasa: {v}</source>
        <translation>Language: {v}</translation>
    </message>
    <message>
        <source>Folder data: {v}</source>
        <translation>Data folder: {v}</translation>
    </message>
    <message>
        <source>admin baru &apos;{v}&apos;</source>
        <translation>new admin &apos;{v}&apos;</translation>
    </message>
    <message>
        <source>akun server &apos;{v}&apos;</source>
        <translation>server account &apos;{v}&apos;</translation>
    </message>
    <message>
        <source>Akun pertama: {v}</source>
        <translation>First account: {v}</translation>
    </message>
    <message>
        <source>Kelurahan: {v}</source>
        <translation>Kelurahan: {v}</translation>
    </message>
    <message>
        <source>Menyiapkan laptop ini… (data demo dapat makan waktu)</source>
        <translation>Setting up this laptop… (demo data can take a while)</translation>
    </message>
    <message>
        <source>Kampung — Pengaturan awal</source>
        <translation>Kampung — First start</translation>
    </message>
    <message>
        <source>&amp;Kembali</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>FolderPage</name>
    <message>
        <source>Pilih folder data</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <source>Pilih folder untuk data.</source>
        <translation>Choose a folder for the data.</translation>
    </message>
    <message>
        <source>Itu sebuah berkas, bukan folder. Pilih folder lain.</source>
        <translation>That is a file, not a folder. Choose another folder.</translation>
    </message>
    <message>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Semua data tersimpan di laptop ini, dalam folder berikut. Biasanya tidak perlu diubah.</source>
        <translation>All data is kept on this laptop, in the folder below. Usually there is no need to change it.</translation>
    </message>
    <message>
        <source>&amp;Folder data</source>
        <translation>Data &amp;folder</translation>
    </message>
    <message>
        <source>&amp;Pilih…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <source>Data dienkripsi dengan kata sandi akun. Bila folder ini sudah berisi data dari versi sebelumnya, data itu tetap ada dan ikut dilindungi.</source>
        <translation>The data is encrypted with the account&apos;s password. If this folder already holds data from an earlier version, that data stays and is protected too.</translation>
    </message>
    <message>
        <source>Folder data tidak diubah saat pengaturan awal diulang.</source>
        <translation>The data folder is not changed when the first start is run again.</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <source>&amp;Jendela utama dan daftar rumah tangga</source>
        <translation>&amp;Main window and household list</translation>
    </message>
    <message>
        <source>&amp;Mendaftarkan dan mengubah rumah tangga</source>
        <translation>&amp;Registering and editing households</translation>
    </message>
    <message>
        <source>&amp;Wawancara / penilaian</source>
        <translation>&amp;Interview / assessment</translation>
    </message>
    <message>
        <source>&amp;Pemeriksaan dan keputusan penghargaan</source>
        <translation>Re&amp;view and award decisions</translation>
    </message>
    <message>
        <source>Men&amp;cetak piagam dan laporan</source>
        <translation>&amp;Printing certificates and reports</translation>
    </message>
    <message>
        <source>&amp;Sinkronisasi dan daftar tugas</source>
        <translation>&amp;Syncing and the to-do list</translation>
    </message>
    <message>
        <source>Pen&amp;gaturan</source>
        <translation>Se&amp;ttings</translation>
    </message>
    <message>
        <source>Bila &amp;ada masalah</source>
        <translation>&amp;When something goes wrong</translation>
    </message>
    <message>
        <source>Pintasan &amp;keyboard</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>HelpUi</name>
    <message>
        <source>&amp;Bantuan untuk jendela ini</source>
        <translation>&amp;Help for this window</translation>
    </message>
    <message>
        <source>Buka bantuan untuk jendela yang aktif (F1)</source>
        <translation>Open the help for the active window (F1)</translation>
    </message>
</context>
<context>
    <name>HelpViewer</name>
    <message>
        <source>Halaman bantuan ini tidak ditemukan. Pasang ulang Kampung atau buka docs/user-guide.md.</source>
        <translation>This help page was not found. Reinstall Kampung or open docs/user-guide.en.md.</translation>
    </message>
    <message>
        <source>Bantuan Kampung — {page}</source>
        <translation>Kampung Help — {page}</translation>
    </message>
    <message>
        <source>Daftar isi bantuan</source>
        <translation>Help contents</translation>
    </message>
    <message>
        <source>Isi halaman bantuan</source>
        <translation>Help page text</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>Data di formulir ini masih ada; simpan lagi setelahnya.</source>
        <translation>What you typed is still in this form; save again afterwards.</translation>
    </message>
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
    <message numerus="yes">
        <source>%Ln+ rumah tangga</source>
        <translation>
            <numerusform>%Ln+ household</numerusform>
            <numerusform>%Ln+ households</numerusform>
        </translation>
    </message>
    <message>
        <source>Cari nama, NIK, No. KK, alamat…</source>
        <translation>Search name, NIK, family card no., address…</translation>
    </message>
    <message>
        <source>Cari rumah tangga</source>
        <translation>Search households</translation>
    </message>
    <message>
        <source>Daftar rumah tangga</source>
        <translation>Household list</translation>
    </message>
    <message>
        <source>Hasil muncul saat Anda mengetik; awal kata sudah cukup.</source>
        <translation>Results appear as you type; the start of a word is enough.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rumah tangga</source>
        <translation>
            <numerusform>%Ln household</numerusform>
            <numerusform>%Ln households</numerusform>
        </translation>
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
    <name>ImportDialog</name>
    <message>
        <source>Pilih berkas data rumah tangga</source>
        <translation>Choose a household data file</translation>
    </message>
    <message>
        <source>Data rumah tangga (*.csv *.xlsx)</source>
        <translation>Household data (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Pilih berkas CSV atau XLSX yang ada.</source>
        <translation>Choose an existing CSV or XLSX file.</translation>
    </message>
    <message>
        <source>Membaca dan memeriksa {name}…</source>
        <translation>Reading and checking {name}…</translation>
    </message>
    <message>
        <source>Menyimpan {done} dari {total} rumah tangga…</source>
        <translation>Saving {done} of {total} households…</translation>
    </message>
    <message>
        <source>Diimpor — rumah tangga: {households} ({households_new} baru, {households_updated} diperbarui); anggota: {members} ({members_new} baru, {members_updated} diperbarui).</source>
        <translation>Imported — households: {households} ({households_new} new, {households_updated} updated); members: {members} ({members_new} new, {members_updated} updated).</translation>
    </message>
    <message>
        <source>{households} rumah tangga ({members} anggota) di berkas sudah sama dengan data laptop ini; tidak ada yang berubah.</source>
        <translation>The {households} households ({members} members) in the file already match this laptop; nothing changed.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln masalah; tidak ada yang diimpor. Perbaiki berkasnya, atau centang &quot;Impor baris yang benar saja&quot;.</source>
        <translation>
            <numerusform>%Ln problem; nothing was imported. Fix the file, or tick &quot;Import only the correct rows&quot;.</numerusform>
            <numerusform>%Ln problems; nothing was imported. Fix the file, or tick &quot;Import only the correct rows&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln baris ditolak, ditulis ke {file}.</source>
        <translation>
            <numerusform>%Ln row rejected, written to {file}.</numerusform>
            <numerusform>%Ln rows rejected, written to {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>berkas: {message}</source>
        <translation>file: {message}</translation>
    </message>
    <message>
        <source>baris {line}, kolom {column}: {message}</source>
        <translation>line {line}, column {column}: {message}</translation>
    </message>
    <message>
        <source>baris {line}: {message}</source>
        <translation>line {line}: {message}</translation>
    </message>
    <message>
        <source>Impor data rumah tangga</source>
        <translation>Import household data</translation>
    </message>
    <message>
        <source>Berkas yang diimpor</source>
        <translation>File to import</translation>
    </message>
    <message>
        <source>Berkas CSV atau XLSX dari kota (satu baris per anggota keluarga; kolom kelurahan_kode, rw, rt, alamat, no_kk, nik, nama, jenis_kelamin, tanggal_lahir, hubungan). Rumah tangga yang sudah ada diperbarui menurut No. KK.</source>
        <translation>A CSV or XLSX file from the city (one row per family member; columns kelurahan_kode, rw, rt, alamat, no_kk, nik, nama, jenis_kelamin, tanggal_lahir, hubungan). Households already here are updated by their family card number (No. KK).</translation>
    </message>
    <message>
        <source>Pilih berkas…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Impor baris yang benar saja; tulis baris yang salah ke berkas .ditolak.csv</source>
        <translation>Import only the correct rows; write the bad ones to a .ditolak.csv file</translation>
    </message>
    <message>
        <source>Impor</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>InterviewTexts</name>
    <message>
        <source>● Merekam audio</source>
        <translation>● Recording audio</translation>
    </message>
    <message>
        <source>Formulir ini merekam suara wawancara dari mikrofon sampai jendela ditutup atau penilaian difinalisasi; rekaman disimpan sebagai lampiran penilaian.</source>
        <translation>This form records the interview&apos;s sound from the microphone until the window is closed or the assessment is finalized; the recording is kept as an attachment of the assessment.</translation>
    </message>
    <message>
        <source>Formulir ini meminta rekaman suara wawancara, tetapi komputer ini tidak memiliki mikrofon. Wawancara tetap dapat dilanjutkan; rekamannya dibiarkan kosong.</source>
        <translation>This form asks for a sound recording of the interview, but this computer has no microphone. You can continue the interview; the recording stays empty.</translation>
    </message>
    <message>
        <source>Formulir ini meminta rekaman suara wawancara, tetapi perekaman suara tidak tersedia pada instalasi ini. Wawancara tetap dapat dilanjutkan; rekamannya dibiarkan kosong.</source>
        <translation>This form asks for a sound recording of the interview, but sound recording is not available in this installation. You can continue the interview; the recording stays empty.</translation>
    </message>
    <message>
        <source>Perekaman suara wawancara berhenti: mikrofon tidak dapat dipakai. Wawancara tetap dapat dilanjutkan; suara yang sudah terekam tetap disimpan.</source>
        <translation>Recording the interview&apos;s sound stopped: the microphone cannot be used. You can continue the interview; what was recorded so far is kept.</translation>
    </message>
    <message>
        <source>Wawancara — {form}</source>
        <translation>Interview — {form}</translation>
    </message>
    <message>
        <source>◀ Kembali</source>
        <translation>◀ Back</translation>
    </message>
    <message>
        <source>Lanjut ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Ringkasan ▶</source>
        <translation>Summary ▶</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Bagian formulir</source>
        <translation>Form sections</translation>
    </message>
    <message>
        <source>Isian yang perlu diperbaiki</source>
        <translation>Answers to fix</translation>
    </message>
    <message>
        <source>Bahasa formulir:</source>
        <translation>Form language:</translation>
    </message>
    <message>
        <source>Bagian %v dari %m</source>
        <translation>Section %v of %m</translation>
    </message>
    <message>
        <source>✓ Tersimpan {time}</source>
        <translation>✓ Saved {time}</translation>
    </message>
    <message>
        <source>Menyimpan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>✗ Gagal menyimpan: {error}</source>
        <translation>✗ Could not save: {error}</translation>
    </message>
    <message>
        <source>diubah di tempat lain; buka kembali</source>
        <translation>changed elsewhere; open it again</translation>
    </message>
    <message>
        <source>Penilaian ini berstatus «{state}» dan hanya dapat dibaca.</source>
        <translation>This assessment is «{state}» and read-only.</translation>
    </message>
    <message>
        <source>Dikembalikan oleh pemeriksa: {note}</source>
        <translation>Returned by the reviewer: {note}</translation>
    </message>
    <message>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>Ketik untuk mencari…</source>
        <translation>Type to search…</translation>
    </message>
    <message>
        <source>Tidak ada pilihan yang cocok.</source>
        <translation>No matching choice.</translation>
    </message>
    <message>
        <source>Ya, sudah</source>
        <translation>Yes, done</translation>
    </message>
    <message>
        <source>Sekarang</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
    <message>
        <source>JJ:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>lintang bujur, mis. -6.2 106.8</source>
        <translation>latitude longitude, e.g. -6.2 106.8</translation>
    </message>
    <message>
        <source>Pilih foto…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>Hapus foto</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Gambar (*.jpg *.jpeg *.png)</source>
        <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Kosongkan</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Lampirkan berkas…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>Hapus berkas</source>
        <translation>Remove file</translation>
    </message>
    <message>
        <source>Suara (*.mp3 *.m4a *.wav *.ogg *.amr)</source>
        <translation>Audio (*.mp3 *.m4a *.wav *.ogg *.amr)</translation>
    </message>
    <message>
        <source>Video (*.mp4 *.3gp *.mov *.avi *.mkv)</source>
        <translation>Video (*.mp4 *.3gp *.mov *.avi *.mkv)</translation>
    </message>
    <message>
        <source>Semua berkas (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>titik &apos;lintang bujur&apos; dipisah &apos;;&apos;, mis. -6.2 106.8; -6.3 106.9</source>
        <translation>&apos;latitude longitude&apos; points separated by &apos;;&apos;, e.g. -6.2 106.8; -6.3 106.9</translation>
    </message>
    <message>
        <source>ketik atau pindai kode</source>
        <translation>type or scan the code</translation>
    </message>
    <message>
        <source>Gambar garis atau bidang</source>
        <translation>Drawing of the line or area</translation>
    </message>
    <message>
        <source>Ada titik yang tidak sah: tulis &apos;lintang bujur&apos; dipisah &apos;;&apos;</source>
        <translation>A point is not valid: write &apos;latitude longitude&apos; separated by &apos;;&apos;</translation>
    </message>
    <message>
        <source>Perlu sedikitnya {n} titik</source>
        <translation>At least {n} points are needed</translation>
    </message>
    <message>
        <source>Luas ± {value} m²</source>
        <translation>Area ± {value} m²</translation>
    </message>
    <message>
        <source>Panjang ± {value} m</source>
        <translation>Length ± {value} m</translation>
    </message>
    <message>
        <source>nama pilihan berurutan, dipisah spasi</source>
        <translation>choice names in order, separated by spaces</translation>
    </message>
    <message>
        <source>＋ Tambah</source>
        <translation>＋ Add</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>▲ Naik</source>
        <translation>▲ Up</translation>
    </message>
    <message>
        <source>▼ Turun</source>
        <translation>▼ Down</translation>
    </message>
    <message>
        <source>Isi ▶</source>
        <translation>Fill in ▶</translation>
    </message>
    <message>
        <source>{number}. {name}</source>
        <translation>{number}. {name}</translation>
    </message>
    <message>
        <source>(belum diisi)</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <translation>Remove entry</translation>
    </message>
    <message>
        <source>Hapus baris {number} ({name}) beserta semua jawabannya?</source>
        <translation>Remove entry {number} ({name}) with all its answers?</translation>
    </message>
    <message>
        <source>Tambah, hapus, atau urutkan baris di sini; pilih satu baris lalu «Isi» untuk mengisinya.</source>
        <translation>Add, remove or reorder entries here; select one and «Fill in» to answer its questions.</translation>
    </message>
    <message>
        <source>Semua pertanyaan wajib sudah terisi dengan benar. Penilaian siap difinalisasi.</source>
        <translation>Every required question is answered correctly. The assessment is ready to finalize.</translation>
    </message>
    <message>
        <source>Finalisasi</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <source>Pertanyaan</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Yang perlu diperbaiki</source>
        <translation>What to fix</translation>
    </message>
    <message>
        <source>Umum</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Penilaian sudah difinalisasi dan kini hanya dapat dibaca.</source>
        <translation>The assessment is finalized and now read-only.</translation>
    </message>
    <message>
        <source>Status: {state}</source>
        <translation>State: {state}</translation>
    </message>
    <message>
        <source>Finalisasi penilaian</source>
        <translation>Finalize assessment</translation>
    </message>
    <message>
        <source>Setelah difinalisasi, jawaban tidak dapat diubah lagi. Lanjutkan?</source>
        <translation>After finalizing, answers can no longer be changed. Continue?</translation>
    </message>
    <message>
        <source>draf</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>final</source>
        <translation>finalized</translation>
    </message>
    <message>
        <source>terkirim</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>disetujui</source>
        <translation>approved</translation>
    </message>
    <message>
        <source>dikembalikan</source>
        <translation>returned</translation>
    </message>
    <message>
        <source>Mulai penilaian</source>
        <translation>Start an assessment</translation>
    </message>
    <message>
        <source>Formulir</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Kelurahan/desa</source>
        <translation>Kelurahan/village</translation>
    </message>
    <message>
        <source>Rumah tangga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Mulai baru</source>
        <translation>Start new</translation>
    </message>
    <message>
        <source>Buka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Penilaian yang sudah ada</source>
        <translation>Existing assessments</translation>
    </message>
    <message>
        <source>Pilih kelurahan dari daftar, lalu isi RW dan RT.</source>
        <translation>Pick a kelurahan from the list, then fill in RW and RT.</translation>
    </message>
    <message>
        <source>Tidak dapat dilakukan</source>
        <translation>Cannot do that</translation>
    </message>
    <message numerus="yes">
        <source>%Ln baris</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln isian belum lengkap atau belum benar. Klik untuk memperbaikinya:</source>
        <translation>
            <numerusform>%Ln answer is missing or wrong. Click it to fix it:</numerusform>
            <numerusform>%Ln answers are missing or wrong. Click one to fix them:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KelurahanPage</name>
    <message>
        <source>Kelurahan kerja</source>
        <translation>Working kelurahan</translation>
    </message>
    <message>
        <source>Kelurahan tempat laptop ini bekerja: daftar dan formulir baru mulai dari sini. Ketik untuk menyaring.</source>
        <translation>The kelurahan this laptop works in: lists and new forms start here. Type to filter.</translation>
    </message>
    <message>
        <source>Cari kelurahan, kecamatan atau kode…</source>
        <translation>Search kelurahan, kecamatan or code…</translation>
    </message>
    <message>
        <source>Saring kelurahan</source>
        <translation>Filter kelurahan</translation>
    </message>
    <message>
        <source>Daftar kelurahan</source>
        <translation>Kelurahan list</translation>
    </message>
    <message>
        <source>(Belum dipilih — seluruh kota)</source>
        <translation>(None chosen — the whole city)</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Selamat datang di Kampung</source>
        <translation>Welcome to Kampung</translation>
    </message>
    <message>
        <source>Beberapa pertanyaan singkat untuk menyiapkan laptop ini. Pilih bahasa tampilan (dapat diganti kapan saja di Pengaturan).</source>
        <translation>A few short questions to set up this laptop. Choose the display language (you can change it any time in Settings).</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Kampung — Terkunci</source>
        <translation>Kampung — Locked</translation>
    </message>
    <message>
        <source>Aplikasi terkunci</source>
        <translation>The app is locked</translation>
    </message>
    <message>
        <source>Tidak ada kegiatan beberapa saat, atau layar dikunci. Masuk lagi untuk melanjutkan; pekerjaan yang terbuka tetap seperti semula. Pengguna lain yang terdaftar juga dapat masuk di sini.</source>
        <translation>There was no activity for a while, or the screen was locked. Sign in again to continue; open work stays as it was. Another registered user can also sign in here.</translation>
    </message>
    <message>
        <source>&amp;Tutup aplikasi</source>
        <translation>&amp;Quit the app</translation>
    </message>
    <message>
        <source>Tutup aplikasi</source>
        <translation>Quit the app</translation>
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
    <message>
        <source>Tampilkan NIK</source>
        <translation>Show NIK</translation>
    </message>
    <message>
        <source>NIK disamarkan; tampilkan hanya bila perlu (UU 27/2022).</source>
        <translation>NIKs are masked; show them only when needed (UU 27/2022).</translation>
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
    <message numerus="yes">
        <source>%Ln halaman · {path}</source>
        <translation>
            <numerusform>%Ln page · {path}</numerusform>
            <numerusform>%Ln pages · {path}</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>{area} — %Ln piagam</source>
        <translation>
            <numerusform>{area} — %Ln certificate</numerusform>
            <numerusform>{area} — %Ln certificates</numerusform>
        </translation>
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
    <message numerus="yes">
        <source>%Ln penilaian</source>
        <translation>
            <numerusform>%Ln assessment</numerusform>
            <numerusform>%Ln assessments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>menunggu pemeriksaan: %Ln</source>
        <translation>
            <numerusform>waiting for review: %Ln</numerusform>
            <numerusform>waiting for review: %Ln</numerusform>
        </translation>
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
    <name>RecordOpener</name>
    <message>
        <source>Data ini tidak ada lagi di laptop ini (dihapus atau belum diterima).</source>
        <translation>This record is no longer on this laptop (deleted, or not received yet).</translation>
    </message>
</context>
<context>
    <name>RejectedView</name>
    <message>
        <source>Klik dua kali untuk membuka dan memperbaikinya.</source>
        <translation>Double-click to open and correct it.</translation>
    </message>
    <message>
        <source>Data yang ditolak server, dan alasannya</source>
        <translation>Data the server refused, and why</translation>
    </message>
    <message>
        <source>Data yang ditolak server</source>
        <translation>Records the server refused</translation>
    </message>
</context>
<context>
    <name>ReviewCategories</name>
    <message>
        <source>Kecil</source>
        <extracomment>RT size categories (Kampung Bantar) as the UI names them; codes stay Indonesian in the data.</extracomment>
        <translation>Small</translation>
    </message>
    <message>
        <source>Sedang</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Besar</source>
        <translation>Large</translation>
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
    <message numerus="yes">
        <source>%Ln piagam dicetak ke {path}.</source>
        <translation>
            <numerusform>%Ln certificate printed to {path}.</numerusform>
            <numerusform>%Ln certificates printed to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln piagam dicetak ke folder {folder}.</source>
        <translation>
            <numerusform>%Ln certificate printed to the folder {folder}.</numerusform>
            <numerusform>%Ln certificates printed to the folder {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln piagam disimpan, satu berkas per piagam, di folder:
{folder}</source>
        <translation>
            <numerusform>%Ln certificate saved, one file per certificate, in the folder:
{folder}</numerusform>
            <numerusform>%Ln certificates saved, one file per certificate, in the folder:
{folder}</numerusform>
        </translation>
    </message>
    <message>
        <source>Penandatangan masih contoh</source>
        <translation>Signatory is still a placeholder</translation>
    </message>
    <message>
        <source>Piagam akan dicetak dengan penandatangan contoh. Pemeriksa atau admin dapat mengisi nama dan NIP yang sebenarnya di Pengaturan → Penandatangan piagam.</source>
        <translation>The certificates would be printed with a placeholder signatory. A reviewer or an administrator can enter the real name and NIP in Settings → Certificate signatory.</translation>
    </message>
    <message>
        <source>Tetap cetak</source>
        <translation>Print anyway</translation>
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
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message numerus="yes">
        <source>{program} · %Ln menunggu pemeriksaan</source>
        <translation>
            <numerusform>{program} · %Ln to review</numerusform>
            <numerusform>{program} · %Ln to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{area} · %Ln penilaian</source>
        <translation>
            <numerusform>{area} · %Ln assessment</numerusform>
            <numerusform>{area} · %Ln assessments</numerusform>
        </translation>
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
    <name>Roles</name>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>operator kelurahan</source>
        <translation>kelurahan operator</translation>
    </message>
    <message>
        <source>petugas pendata</source>
        <translation>enumerator</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Jadwal cadangan</source>
        <translation>Backup schedule</translation>
    </message>
    <message>
        <source>kosong = tanpa cadangan terjadwal</source>
        <translation>empty = no scheduled backups</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source> jam</source>
        <translation> hours</translation>
    </message>
    <message>
        <source>Folder cadangan:</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <source>Setiap:</source>
        <translation>Every:</translation>
    </message>
    <message>
        <source>Simpan yang terbaru:</source>
        <translation>Keep the newest:</translation>
    </message>
    <message>
        <source>Cadangan terakhir:</source>
        <translation>Last backup:</translation>
    </message>
    <message>
        <source>Folder cadangan</source>
        <translation>Backup folder</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ukuran huruf di semua jendela, di atas ukuran huruf sistem operasi</source>
        <translation>Size of the text in every window, on top of the operating system&apos;s font size</translation>
    </message>
    <message>
        <source>Bahasa dan ukuran teks langsung berganti setelah Anda menekan Simpan.</source>
        <translation>The language and text size change as soon as you press Save.</translation>
    </message>
    <message>
        <source>&amp;Bahasa tampilan</source>
        <translation>Display &amp;language</translation>
    </message>
    <message>
        <source>&amp;Ukuran teks</source>
        <translation>&amp;Text size</translation>
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
    <name>SetupBanner</name>
    <message>
        <source>&lt;b&gt;Selamat datang.&lt;/b&gt; Laptop ini belum terhubung ke server kota. Anda bisa bekerja tanpa server, atau menghubungkannya sekarang (alamat server, nama pengguna dan kata sandi dari admin).</source>
        <translation>&lt;b&gt;Welcome.&lt;/b&gt; This laptop is not connected to the city server yet. You can work without a server, or connect it now (server address, username and password from the administrator).</translation>
    </message>
    <message>
        <source>Bekerja tanpa server</source>
        <translation>Work without a server</translation>
    </message>
    <message>
        <source>Hubungkan ke server…</source>
        <translation>Connect to a server…</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Kampung — Masuk</source>
        <translation>Kampung — Sign in</translation>
    </message>
    <message>
        <source>Masuk ke Kampung</source>
        <translation>Sign in to Kampung</translation>
    </message>
    <message>
        <source>Data di laptop ini dilindungi. Masukkan nama pengguna dan kata sandi Anda.</source>
        <translation>The data on this laptop is protected. Enter your username and password.</translation>
    </message>
    <message>
        <source>Logo Kampung</source>
        <translation>Kampung logo</translation>
    </message>
</context>
<context>
    <name>SignatoryBox</name>
    <message>
        <source>Penandatangan piagam</source>
        <translation>Certificate signatory</translation>
    </message>
    <message>
        <source>18 angka; kosong bila bukan ASN</source>
        <translation>18 digits; empty if not a civil servant</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Hanya pemeriksa atau admin yang boleh mengubahnya.</source>
        <translation>Only a reviewer or an administrator may change it.</translation>
    </message>
    <message>
        <source>Masih contoh: tulis nama (dan NIP) pejabat yang menandatangani.</source>
        <translation>Still a placeholder: enter the name (and NIP) of the official who signs.</translation>
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
<context>
    <name>SyncController</name>
    <message>
        <source>Data belum siap, coba lagi sebentar.</source>
        <translation>The data is not ready yet; try again in a moment.</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal karena kesalahan tak terduga; rinciannya ada di berkas log.</source>
        <translation>Sync failed with an unexpected error; the details are in the log file.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>Klik untuk membuka panel sinkronisasi.</source>
        <translation>Click to open the sync panel.</translation>
    </message>
</context>
<context>
    <name>SyncLogView</name>
    <message>
        <source>{start} (berjalan)</source>
        <translation>{start} (running)</translation>
    </message>
    <message>
        <source>{start} – {end}</source>
        <translation>{start} – {end}</translation>
    </message>
    <message>
        <source>tidak selesai (akan dilanjutkan)</source>
        <translation>not finished (will resume)</translation>
    </message>
    <message>
        <source>{n} dikirim</source>
        <translation>{n} sent</translation>
    </message>
    <message>
        <source>{n} diterima</source>
        <translation>{n} accepted</translation>
    </message>
    <message>
        <source>{n} sudah ada</source>
        <translation>{n} already there</translation>
    </message>
    <message>
        <source>{n} bentrok</source>
        <translation>{n} in conflict</translation>
    </message>
    <message>
        <source>{n} ditolak</source>
        <translation>{n} rejected</translation>
    </message>
    <message>
        <source>{n} diterima dari server</source>
        <translation>{n} received from the server</translation>
    </message>
    <message>
        <source>Sesi sinkronisasi: waktu dan hasil</source>
        <translation>Sync sessions: time and result</translation>
    </message>
    <message>
        <source>Riwayat sinkronisasi</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <source>Klik dua kali untuk membuka data ini.</source>
        <translation>Double-click to open this record.</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Menunggu dikirim: {n} perubahan</source>
        <translation>Waiting to be sent: {n} changes</translation>
    </message>
    <message>
        <source>Tidak ada perubahan yang menunggu dikirim.</source>
        <translation>No changes waiting to be sent.</translation>
    </message>
    <message>
        <source>Sinkron terakhir: {summary}</source>
        <translation>Last sync: {summary}</translation>
    </message>
    <message>
        <source>Menghubungi server…</source>
        <translation>Contacting the server…</translation>
    </message>
    <message>
        <source>{done} dari {total} data</source>
        <translation>{done} of {total} records</translation>
    </message>
    <message>
        <source>{done} data</source>
        <translation>{done} records</translation>
    </message>
    <message>
        <source>{phase}: {records} · {sent} terkirim · {received} diterima</source>
        <translation>{phase}: {records} · {sent} sent · {received} received</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Hubungkan ke server…</source>
        <translation>Connect to a server…</translation>
    </message>
    <message>
        <source>Server: {url} · Pengguna: {user} · Perangkat: {device}</source>
        <translation>Server: {url} · User: {user} · Device: {device}</translation>
    </message>
    <message>
        <source>Laptop ini bekerja tanpa server.</source>
        <translation>This laptop works without a server.</translation>
    </message>
    <message>
        <source>Sinkron terakhir berhasil: {when}</source>
        <translation>Last successful sync: {when}</translation>
    </message>
    <message>
        <source>Menunggu dikirim, menurut jenis:</source>
        <translation>Waiting to be sent, by kind:</translation>
    </message>
    <message>
        <source>Daftar tugas (dikembalikan, konflik)…</source>
        <translation>To-do list (returned, conflicts)…</translation>
    </message>
    <message>
        <source>Ditolak ({n})</source>
        <translation>Rejected ({n})</translation>
    </message>
    <message>
        <source>Log sinkronisasi</source>
        <translation>Sync log</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hentikan sinkronisasi setelah bagian yang sedang dikirim atau diterima; sinkron berikutnya melanjutkan dari situ.</source>
        <translation>Stop the sync after the part being sent or received now; the next sync continues from there.</translation>
    </message>
    <message>
        <source>Membatalkan: bagian yang sedang berjalan diselesaikan dulu…</source>
        <translation>Cancelling: the part in progress is finished first…</translation>
    </message>
    <message>
        <source>Daftar tugas: konflik untuk diputuskan ({n})…</source>
        <translation>To-do list: conflicts to decide ({n})…</translation>
    </message>
    <message>
        <source>Penilaian yang dikembalikan kantor kelurahan, dan konflik untuk diputuskan</source>
        <translation>Assessments the kelurahan office returned, and conflicts to decide</translation>
    </message>
    <message>
        <source>Klik dua kali pada data untuk membukanya dan memperbaikinya; setelah disimpan, data itu dikirim lagi pada sinkron berikutnya.</source>
        <translation>Double-click a record to open and correct it; once saved, it is sent again at the next sync.</translation>
    </message>
    <message>
        <source>Tidak ada data yang ditolak server.</source>
        <translation>The server has refused no records.</translation>
    </message>
    <message>
        <source>Ditolak server: {n}; lihat alasannya di bawah.</source>
        <translation>Refused by the server: {n}; see why below.</translation>
    </message>
    <message>
        <source>Konflik menunggu keputusan di Daftar tugas: {n}.</source>
        <translation>Conflicts waiting for a decision in the to-do list: {n}.</translation>
    </message>
</context>
<context>
    <name>SyncRecord</name>
    <message>
        <source>Rumah tangga</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>Anggota keluarga</source>
        <translation>Family member</translation>
    </message>
    <message>
        <source>Penilaian</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>Jawaban penilaian</source>
        <translation>Assessment answer</translation>
    </message>
    <message>
        <source>Keputusan penghargaan</source>
        <translation>Award decision</translation>
    </message>
    <message>
        <source>Piagam</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflict</translation>
    </message>
</context>
<context>
    <name>SyncSettingsBox</name>
    <message>
        <source>Sinkronisasi dengan server</source>
        <translation>Sync with the server</translation>
    </message>
    <message>
        <source>Membaca status sinkronisasi…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>Terhubung ke {url} sebagai {user} (perangkat {device}).</source>
        <translation>Connected to {url} as {user} (device {device}).</translation>
    </message>
    <message>
        <source>Bekerja tanpa server: data hanya disimpan di laptop ini.</source>
        <translation>Working without a server: data is kept on this laptop only.</translation>
    </message>
    <message>
        <source>Ubah…</source>
        <translation>Change…</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <source>Rumah tangga</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>Anggota keluarga</source>
        <translation>Family members</translation>
    </message>
    <message>
        <source>Penilaian</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <source>Jawaban penilaian</source>
        <translation>Assessment answers</translation>
    </message>
    <message>
        <source>Keputusan penghargaan</source>
        <translation>Award decisions</translation>
    </message>
    <message>
        <source>Piagam</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Lampiran (foto)</source>
        <translation>Attachments (photos)</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <translation>Areas</translation>
    </message>
    <message>
        <source>Formulir</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Offline (tanpa server)</source>
        <translation>Offline (no server)</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Menunggu sinkron</source>
        <translation>Waiting to sync</translation>
    </message>
    <message>
        <source>Tersinkron</source>
        <translation>Up to date</translation>
    </message>
    <message>
        <source>Perlu perhatian</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Perangkat dicabut</source>
        <translation>Device revoked</translation>
    </message>
    <message>
        <source>Laptop ini belum terhubung ke server; data hanya disimpan di sini.</source>
        <translation>This laptop is not connected to a server; data is kept here only.</translation>
    </message>
    <message>
        <source>Server tidak terjangkau. Data tetap aman dan dikirim saat ada sinyal.</source>
        <translation>The server cannot be reached. The data is safe and will be sent when there is a signal.</translation>
    </message>
    <message>
        <source>Mengirim dan menerima data dengan server.</source>
        <translation>Sending and receiving data with the server.</translation>
    </message>
    <message>
        <source>Server terjangkau; perubahan terbaru ikut sinkron berikutnya (otomatis).</source>
        <translation>The server is reachable; the latest changes go with the next (automatic) sync.</translation>
    </message>
    <message>
        <source>Semua perubahan sudah terkirim dan diterima server.</source>
        <translation>Every change has been sent and accepted by the server.</translation>
    </message>
    <message>
        <source>Ada data yang ditolak atau bentrok. Buka panel sinkronisasi.</source>
        <translation>Some data was rejected or is in conflict. Open the sync panel.</translation>
    </message>
    <message>
        <source>Server mencabut izin perangkat ini. Data tetap tersimpan; hubungi admin untuk mendaftar ulang.</source>
        <translation>The server revoked this device. The data stays saved; contact the administrator to enrol again.</translation>
    </message>
    <message>
        <source>Mengirim data</source>
        <translation>Sending data</translation>
    </message>
    <message>
        <source>Mengirim lampiran</source>
        <translation>Sending attachments</translation>
    </message>
    <message>
        <source>Menerima data</source>
        <translation>Receiving data</translation>
    </message>
    <message>
        <source>diterima</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>sudah ada</source>
        <translation>already there</translation>
    </message>
    <message>
        <source>bentrok</source>
        <translation>conflict</translation>
    </message>
    <message>
        <source>ditolak</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>digabung</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>diterima dari server</source>
        <translation>received from the server</translation>
    </message>
    <message>
        <source>{n} B</source>
        <translation>{n} B</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Sinkronisasi dibatalkan. Data tetap aman; sinkron berikutnya melanjutkan dari situ.</source>
        <translation>Sync cancelled. Data is safe; the next sync continues from there.</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <source>Server sinkronisasi</source>
        <translation>Sync server</translation>
    </message>
    <message>
        <source>Hanya admin yang dapat menghubungkan laptop ini ke server, menggantinya atau memutuskannya. Minta admin Anda.</source>
        <translation>Only an admin can connect this laptop to a server, change it or disconnect it. Ask your admin.</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>&amp;Sinkronisasi</source>
        <translation>&amp;Sync</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Kirim dan terima data sekarang (F9)</source>
        <translation>Send and receive data now (F9)</translation>
    </message>
    <message>
        <source>Panel sinkronisasi</source>
        <translation>Sync panel</translation>
    </message>
    <message>
        <source>Daftar tugas (dikembalikan, konflik)…</source>
        <translation>To-do list (returned, conflicts)…</translation>
    </message>
    <message>
        <source>Server dan pendaftaran perangkat…</source>
        <translation>Server and device enrolment…</translation>
    </message>
    <message>
        <source>Impor data rumah tangga…</source>
        <translation>Import household data…</translation>
    </message>
    <message>
        <source>Impor daftar rumah tangga dari berkas CSV atau XLSX (data kelurahan)</source>
        <translation>Import a household list from a CSV or XLSX file (kelurahan data)</translation>
    </message>
</context>
<context>
    <name>TextSize</name>
    <message>
        <source>Kecil</source>
        <translation>Small</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Besar</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Sangat besar</source>
        <translation>Very large</translation>
    </message>
</context>
<context>
    <name>TodoWindow</name>
    <message>
        <source>&lt;b&gt;Catatan pemeriksa:&lt;/b&gt; {note}</source>
        <translation>&lt;b&gt;Reviewer&apos;s note:&lt;/b&gt; {note}</translation>
    </message>
    <message>
        <source>Keputusan disimpan; terkirim pada sinkron berikutnya.</source>
        <translation>Decision saved; it is sent with the next sync.</translation>
    </message>
    <message>
        <source>Daftar tugas sinkronisasi</source>
        <translation>Sync to-do list</translation>
    </message>
    <message>
        <source>Dikembalikan untuk diperbaiki</source>
        <translation>Returned for correction</translation>
    </message>
    <message>
        <source>Konflik</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Formulir</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Catatan pemeriksa</source>
        <translation>Reviewer&apos;s note</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Isian yang bentrok</source>
        <translation>Conflicting fields</translation>
    </message>
    <message>
        <source>Dikembalikan untuk diperbaiki ({n})</source>
        <translation>Returned for correction ({n})</translation>
    </message>
    <message>
        <source>Konflik ({n})</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <source>Buka untuk diperbaiki</source>
        <translation>Open for correction</translation>
    </message>
    <message>
        <source>Selesaikan…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Tidak ada penilaian yang dikembalikan.</source>
        <translation>No returned assessments.</translation>
    </message>
    <message>
        <source>Tidak ada konflik yang menunggu.</source>
        <translation>No conflicts waiting.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Pengguna laptop ini</source>
        <translation>Users of this laptop</translation>
    </message>
    <message>
        <source>Daftar pengguna</source>
        <translation>User list</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Tambah pengguna…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Disable</translation>
    </message>
    <message>
        <source>&amp;Aktifkan</source>
        <translation>&amp;Enable</translation>
    </message>
    <message>
        <source>&amp;Hapus…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>T&amp;utup</source>
        <translation>Cl&amp;ose</translation>
    </message>
    <message>
        <source>nonaktif</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source> (akun server)</source>
        <translation> (server account)</translation>
    </message>
    <message>
        <source>Hapus pengguna</source>
        <translation>Remove user</translation>
    </message>
    <message>
        <source>Hapus akun {user} dari laptop ini? Akun itu tidak dapat masuk lagi; catatan audit tetap menyebut namanya.</source>
        <translation>Remove the account {user} from this laptop? It can no longer sign in; the audit log keeps its name.</translation>
    </message>
    <message>
        <source>seluruh kota</source>
        <translation>whole city</translation>
    </message>
</context>
<context>
    <name>_Dock</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
</context>
</TS>
