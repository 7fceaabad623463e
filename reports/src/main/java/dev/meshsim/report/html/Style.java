package dev.meshsim.report.html;

/** The page's inline stylesheet: Grafana-like panels on a light background, readable on paper too. */
final class Style {
  private Style() {}

  static final String CSS = """
      :root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--panel:#fff;--bg:#f4f5f7;--ok:#1a7f37;\
      --warn:#9a6700;--bad:#cf222e}
      *{box-sizing:border-box}
      body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,\
      "Segoe UI",Roboto,"DejaVu Sans",sans-serif}
      header{background:#161b22;color:#f0f3f6;padding:18px 28px}
      header h1{margin:0 0 6px;font-size:22px;font-weight:600}
      header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0;font-size:13px}
      header dt{color:#9198a1}header dd{margin:0;word-break:break-all}
      main{padding:16px 28px 40px;max-width:1240px}
      h2{font-size:18px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
      h3{font-size:15px;margin:18px 0 8px}
      .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}
      .panel{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px}
      .panel svg{display:block;width:100%;height:auto}
      .wide{grid-column:1/-1}
      table{border-collapse:collapse;background:var(--panel);font-size:13px;margin:6px 0}
      th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
      th{background:#f6f8fa;font-weight:600}
      td.n{text-align:right;font-variant-numeric:tabular-nums}
      .verdict{display:inline-block;min-width:64px;text-align:center;border-radius:4px;color:#fff;\
      padding:0 6px;font-weight:600}
      .ok{background:var(--ok)}.warn{background:var(--warn)}.bad{background:var(--bad)}
      details{margin:8px 0}summary{cursor:pointer;color:var(--muted)}
      .note{color:var(--muted);font-size:13px}
      code{font-family:"DejaVu Sans Mono",monospace;font-size:12px}
      """;
}
