// Reads one secret line (the client's PIN) from standard input without echo. Never from argv, never logged.

export function readSecretLine(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const tty = stdin.isTTY === true;
    if (tty) stdin.setRawMode(true); // no echo; the typed digits are not shown
    stdin.setEncoding('utf8');
    const finish = (value: string | null) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      if (tty) {
        stdin.setRawMode(false);
        process.stderr.write('\n');
      }
      stdin.pause();
      if (value === null) reject(new Error('input cancelled'));
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\u0003') return finish(null); // Ctrl+C in raw mode
        if (ch === '\n' || ch === '\r') return finish(text);
        if (ch === '\u007f' || ch === '\b') text = text.slice(0, -1);
        else text += ch;
        if (text.length > 64) return finish(text); // never buffer unbounded input
      }
    };
    const onEnd = () => finish(text);
    const onError = () => finish(null);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}
