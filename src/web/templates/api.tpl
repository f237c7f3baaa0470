{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/">首页</a> › 数据接口</nav>
<h1>数据接口</h1>
<section class="prose">
<p>本站的报告、量化目标、实绩和完成情况都可以通过数据接口以 JSON 格式取得，供研究者和开发者使用，无需注册。所有地址以 <code>/api/v1/</code> 开头，用 GET 请求；文本为 UTF-8；出错时返回相应的 HTTP 状态码和 <code>{"error": "…"}</code>。完整的机器可读说明见 <a href="/api/v1/openapi.yaml">OpenAPI 描述文件</a>（<code>openapi.yaml</code>）。</p>
<h2>通用参数</h2>
<ul>
<li><code>region</code>：六位行政区划代码，包含其下辖地区（<code>410000</code> 为河南省及其各市县；<code>000000</code> 为全部）。</li>
<li><code>year</code>、<code>year_min</code>、<code>year_max</code>：年份或年份范围（如 <code>2020-2024</code>）。</li>
<li><code>level</code>：行政级别，<code>national</code>（中央）、<code>province</code>（省级）、<code>prefecture</code>（地级）、<code>county</code>（县级）。</li>
<li><code>page</code>、<code>per_page</code>：分页，每页最多 100 条。</li>
</ul>
<h2>接口一览</h2>
</section>
<table class="data api-list">
<thead><tr><th scope="col">地址</th><th scope="col">内容</th><th scope="col">示例</th></tr></thead>
<tbody>
{{#ENDPOINT}}<tr><td><code>{{PATH}}</code></td><td>{{SUMMARY}}</td><td>{{#EXAMPLE}}<a href="{{URL}}">试一试</a>{{/EXAMPLE}}</td></tr>
{{/ENDPOINT}}</tbody>
</table>
<section class="prose">
<h2>使用须知</h2>
<p>每个请求都有大小和时间限制，频繁请求请自行缓存。量化目标和完成情况由程序提取和判定，会有错误，使用时请以报告原文为准（每条目标都附有原文句子和所在报告的地址）；判定方法见<a href="/shuoming.html">数据说明</a>。表格形式的数据可在目标浏览和跟踪页面导出为 CSV。</p>
</section>
{{>FOOT}}
