export async function run(_args: string[]): Promise<number> {
  console.error('hkex-shares ingest: not available yet');
  return 2;
}
