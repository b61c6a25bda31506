// Renders resources/icon.svg into the icons electron-builder packs (resources/build: icon.png 1024 px,
// icon.ico, icon.icns, icons/NxN.png for Linux) and the window icon the app loads on Linux
// (renderer/public/icon.png, copied into dist/ by the renderer build). Run after changing the SVG:
// `npm run icons`; the outputs are committed, and the packaging check verifies them.
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const svg = fs.readFileSync('resources/icon.svg');
const out = 'resources/build';
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0, 0, 0, 0)' }).render().asPng();
}

fs.mkdirSync(path.join(out, 'icons'), { recursive: true });
const master = render(1024);
fs.writeFileSync(path.join(out, 'icon.png'), master);
for (const size of LINUX_SIZES) fs.writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), render(size));
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, true, true);
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('build-icons: png2icons could not convert the 1024 px PNG');
fs.writeFileSync(path.join(out, 'icon.ico'), ico);
fs.writeFileSync(path.join(out, 'icon.icns'), icns);
fs.writeFileSync('renderer/public/icon.png', render(256));
console.log(`icons written: ${out}/icon.png, icon.ico (${ico.length} B), icon.icns (${icns.length} B), ${LINUX_SIZES.length} Linux sizes, renderer/public/icon.png`);
