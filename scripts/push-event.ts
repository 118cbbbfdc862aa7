/**
 * `npm run sandbox:push -- incoming|receipt|click`: makes the sandbox started by `npm run sandbox`
 * post the documented example payload of that webhook to the URL registered for it, as Mobivate
 * would.
 */
const main = async () => {
  const type = process.argv[2];
  if (!type || !['incoming', 'receipt', 'click'].includes(type)) {
    console.error('Usage: npm run sandbox:push -- incoming|receipt|click');
    process.exitCode = 2;
    return;
  }
  const port = Number(process.env.SANDBOX_PORT ?? 4010);
  const response = await fetch(`http://127.0.0.1:${port}/_sandbox/push/${type}`, {
    method: 'POST',
  });
  console.log(JSON.stringify(await response.json()));
  if (!response.ok) process.exitCode = 1;
};

main().catch((error: unknown) => {
  console.error(
    `Is the sandbox running (npm run sandbox)? ${error instanceof Error ? error.message : error}`,
  );
  process.exitCode = 1;
});
