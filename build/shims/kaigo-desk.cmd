@echo off
rem kaigo-desk command line (DESIGN.md section 2): runs the installed app with --cli before any window exists.
"%~dp0KaigoDesk.exe" --cli %*
exit /b %ERRORLEVEL%
