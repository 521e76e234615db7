import { PGliteDb, PgDb, migrate } from '/work/main/packages/core/src/db/index';
const a = await PGliteDb.open();
console.log(await migrate(a), await migrate(a));
console.log(await a.query("select indexname from pg_indexes where schemaname='public' order by 1"));
const p = new PgDb({ url: 'postgres://postgres@127.0.0.1:5432/test' });
await p.query('drop schema public cascade; create schema public');
const [r1, r2] = await Promise.all([migrate(p), migrate(new PgDb({ url: 'postgres://postgres@127.0.0.1:5432/test' }))]);
console.log(r1, r2);
await p.close(); await a.close();
