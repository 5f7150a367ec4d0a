; NSIS include for the Windows installer (electron-builder `nsis.include`, issue 9).
; Per-machine install; silent with /S (and /D=folder for another install folder). Optional /CONFIG=file copies the
; office's configuration to %ProgramData%\KaigoDesk\config.json (the machine-wide file, DESIGN.md §4) and creates the
; certificate drop folder %ProgramData%\KaigoDesk\certificates (changed only by Administrators): each OS
; user's first start (or `kaigo-desk provision`) imports the certificate from there into that user's own keychain,
; reading the .p12 and its .password file with that user's rights. So the PC's users may read them and nobody else
; may (README 証明書の導入; electron/services/certificate/drop-folder.ts).
;   KaigoDesk-Setup.exe /S /CONFIG=\\server\share\kaigo-desk.json
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!macro customInstall
  ; All-users context: $APPDATA is then %ProgramData%.
  SetShellVarContext all
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/CONFIG=" $R1
  ${IfNot} ${Errors}
    CreateDirectory "$APPDATA\KaigoDesk"
    CopyFiles /SILENT "$R1" "$APPDATA\KaigoDesk\config.json"
  ${EndIf}
  CreateDirectory "$APPDATA\KaigoDesk\certificates"
  ; Administrators and SYSTEM may change it; the PC's users (BUILTIN\Users) may only read, files included (each user's
  ; first start imports from it); inheritance is removed, so no one else (e.g. Everyone) keeps access.
  nsExec::Exec 'icacls "$APPDATA\KaigoDesk\certificates" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX'
  Pop $R2
!macroend

!macro customUnInstall
  ; The configuration and the drop folder belong to the office, not to this version: they stay on uninstall.
!macroend
