; Inno Setup script: dist\Kampung (from build_installer.spec) -> dist\Kampung-Setup.exe
;
;   iscc /DAppVersion=0.1.0 installer\kampung.iss        (from the repository root)
;
; Installs per user by default (no administrator needed: %LOCALAPPDATA%\Programs\Kampung);
; an administrator may choose "all users" instead. Start-menu entries for the app and for the
; installation self-check, an uninstaller in "Apps & features". Setup runs the self-check after
; copying the files and says so when it fails. Uninstalling removes the program only: the
; user's data (%LOCALAPPDATA%\Kampung: database, logs, printed certificates) is never touched,
; because setup installed none of it and [UninstallDelete] names none of it. See docs/installer.md.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Kampung"
#define AppExe "kampung.exe"
#define CliExe "kampung-cli.exe"

[Setup]
; AppId identifies the app to upgrades and the uninstaller: never change it.
AppId={{6C0E7F0B-4B5A-4E8E-9C0B-7A3B1F2D9E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Kampung
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=Kampung-Setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
; Inno Setup ships no official Indonesian translation; docs/installer.md says how to add one.
#if FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
Name: "id"; MessagesFile: "Indonesian.isl"
#endif

[CustomMessages]
SelfCheckName=Kampung - periksa instalasi (self-check)
SelfCheckRunning=Memeriksa instalasi / checking the installation...
SelfCheckFailed=Pemeriksaan instalasi Kampung gagal (kode %1). Buka menu Start > Kampung - periksa instalasi, lalu kirim isinya ke petugas dukungan.%n%nThe Kampung installation self-check failed (code %1). Open Start > Kampung - periksa instalasi and send what it shows to support.
DataKept=Data Kampung tidak dihapus dan tetap ada di:%n%1%n%nYour Kampung data was not removed; it is still in the folder above.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\Kampung\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries as a whole (a file left from an older bundle could
; shadow a newer one). Only the program folder: never the user's data.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:SelfCheckName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --self-check"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
{ The bundle proves itself on this very machine before setup reports success. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := CustomMessage('SelfCheckRunning');
    if not Exec(ExpandConstant('{app}\{#CliExe}'), '--self-check', ExpandConstant('{app}'),
                SW_HIDE, ewWaitUntilTerminated, ResultCode) then
      ResultCode := -1;
    if ResultCode <> 0 then
      SuppressibleMsgBox(FmtMessage(CustomMessage('SelfCheckFailed'), [IntToStr(ResultCode)]),
                         mbError, MB_OK, IDOK);
  end;
end;

{ Say where the data stays, so nobody thinks uninstalling deleted a kelurahan's records. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(DataDir) then
      SuppressibleMsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]),
                         mbInformation, MB_OK, IDOK);
  end;
end;
