export async function run(_args: string[]): Promise<number> {
  console.error('hkex-shares parse: not available yet');
  return 2;
}
