{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<section class="hero">
<h1>政府工作报告与目标库</h1>
<p class="counts">收录报告 <b>{{DOCUMENTS}}</b> 篇 · 量化目标 <b>{{TARGETS}}</b> 条 · 地区 <b>{{PLACES}}</b> 个</p>
<form class="big-search" action="/search" method="get" role="search"><input name="q" placeholder="搜索报告全文，如：粮食 就业 养老" aria-label="搜索报告全文"><button type="submit">搜索</button></form>
</section>
<div class="columns">
<section class="nav-menu">
<h2>导航菜单</h2>
<div class="geo-grid">
{{#GEO}}<div class="geo">
<h3><a href="/baogao/{{SLUG}}/">{{NAME}}</a> <small>{{COUNT}} 篇</small></h3>
<ul class="chips">{{#PROVINCE}}<li><a href="{{URL}}">{{NAME}}</a><small>{{COUNT}}</small></li>{{/PROVINCE}}{{#NONE}}<li class="muted">暂无报告</li>{{/NONE}}{{#ALL}}<li><a href="/baogao/{{SLUG}}/">查看全部</a><small>{{COUNT}}</small></li>{{/ALL}}</ul>
</div>{{/GEO}}
</div>
<p><a href="/ditu">在地图上按省份比较 ›</a></p>
</section>
<section class="latest">
<h2>最新报告</h2>
<ul class="doc-list">{{#DOC}}<li><a href="{{URL}}">{{TITLE}}</a><span class="meta">{{PLACE}} · {{TYPE}}{{#DATE}} · {{DATE}}{{/DATE}} · 目标 {{TARGETS}} 条{{#COMMENTS}} · 评论 {{COMMENTS}}{{/COMMENTS}}</span></li>{{/DOC}}</ul>
{{#NO_DOCS}}<p class="muted">还没有导入报告。用 <code>mubiao import</code> 导入后刷新本页。</p>{{/NO_DOCS}}
<p><a href="/targets">查看全部量化目标 ›</a></p>
</section>
</div>
{{>FOOT}}
