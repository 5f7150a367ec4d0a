// electron-builder afterPack hook: flips the Electron fuses of the packed app from build/fuses.json.
// KAIGO_BUILD_FLAVOUR=release (default, what offices install) or test (what `npm run test:electron` drives; it keeps
// only the inspector arguments Playwright's _electron.launch needs). Needs @electron/fuses, which `npm run dist`
// installs on a machine that can download Electron (see build/dist.mjs); dist:check validates fuses.json without it.
// CommonJS for electron-builder's hook loader; modules are loaded with import() inside the hook.

exports.default = async function afterPack(context) {
  const path = await import('node:path');
  const fs = await import('node:fs');
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const settings = JSON.parse(fs.readFileSync(path.join(__dirname, 'fuses.json'), 'utf8'));
  const flavour = process.env.KAIGO_BUILD_FLAVOUR === 'test' ? 'test' : 'release';
  const platform = context.electronPlatformName;
  const { productFilename } = context.packager.appInfo;
  const executable = context.packager.executableName ?? productFilename;
  const binary =
    platform === 'darwin'
      ? path.join(context.appOutDir, `${productFilename}.app`)
      : path.join(context.appOutDir, platform === 'win32' ? `${executable}.exe` : executable);
  const fuses = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(settings[flavour])) {
    if (!(name in FuseV1Options)) throw new Error(`build/fuses.json: unknown fuse ${name}`);
    fuses[FuseV1Options[name]] = value;
  }
  await flipFuses(binary, fuses);
  console.log(`afterPack: fuses (${flavour}) applied to ${path.basename(binary)}`);
};
