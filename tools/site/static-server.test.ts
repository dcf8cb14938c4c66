import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join, sep } from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { tempDir } from "../core/test-trees.ts";
import { fileFor, type StaticServer, serveStatic } from "./static-server.ts";

// A scratch folder: `outside/secret.txt` sits next to the served `site/`.
const scratch = tempDir("static");
const site = join(scratch, "site");
mkdirSync(join(site, "lessons"), { recursive: true });
mkdirSync(join(scratch, "outside"));
writeFileSync(join(site, "index.html"), "<h1>map</h1>");
writeFileSync(join(site, "lessons", "index.html"), "<h1>lessons</h1>");
writeFileSync(join(site, "lessons", "01 · matrices.html"), "<h1>01</h1>");
writeFileSync(join(site, "style.css"), "body {}");
writeFileSync(join(scratch, "outside", "secret.txt"), "secret");

let server: StaticServer;
before(async () => {
  server = await serveStatic(site);
});
after(async () => {
  await server.close();
});

/** A GET with the path sent exactly as written (fetch would resolve the dots first). */
const rawGet = (path: string) =>
  new Promise<{ status?: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    request({ hostname, port, path }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, body }));
    })
      .on("error", reject)
      .end();
  });

const get = async (path: string, init?: RequestInit) => {
  const response = await fetch(server.url + path, init);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
};

describe("the static server for the browser test", () => {
  it("listens on 127.0.0.1 on a port the system chose", () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.notEqual(server.url, "http://127.0.0.1:0/");
  });

  it("serves files with their content type, and index.html for a folder", async () => {
    assert.deepEqual(await get("style.css"), { status: 200, type: "text/css; charset=utf-8", body: "body {}" });
    assert.equal((await get("")).body, "<h1>map</h1>");
    assert.equal((await get("lessons/")).body, "<h1>lessons</h1>");
    assert.equal((await get("lessons/01%20%C2%B7%20matrices.html?x=1#top")).body, "<h1>01</h1>");
  });

  it("answers 404 for a missing file and 405 for anything but GET and HEAD", async () => {
    assert.equal((await get("nope.html")).status, 404);
    assert.equal((await get("lessons")).status, 404, "a folder without its slash is not a file");
    assert.equal((await get("index.html", { method: "POST" })).status, 405);
    assert.equal((await get("index.html", { method: "HEAD" })).status, 200);
  });

  it("never serves a file outside its root, however the path is written", async () => {
    for (const path of [
      "/../outside/secret.txt",
      "/..%2Foutside%2Fsecret.txt",
      "/%2e%2e/outside/secret.txt",
      "/lessons/..%2F..%2Foutside/secret.txt",
    ]) {
      const { status, body } = await rawGet(path);
      assert.notEqual(body, "secret", path);
      assert.equal(status, 404, path);
    }
  });

  it("resolves any request path to nothing or to a file inside the root", () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "%2e%2e", "..%2F", "%2F", "lessons", ""), fc.string());
    const target = fc.constantFrom("outside/secret.txt", "outside%2Fsecret.txt", "index.html", "lessons/", "");
    assertProperty(
      fc.property(fc.array(segment, { maxLength: 5 }), target, (segments, last) => {
        const path = `/${[...segments, last].join("/")}`;
        const file = fileFor(site, path);
        assert.ok(file === undefined || file.startsWith(site + sep), `${path} → ${file}`);
      }),
    );
  });
});
