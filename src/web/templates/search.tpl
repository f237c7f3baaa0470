{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<h1>全文搜索</h1>
<form class="filters-form" action="/search" method="get" role="search">
<div class="row"><input name="q" value="{{Q}}" placeholder="关键词；&quot;词组&quot;；a OR b；-排除" aria-label="关键词"><button type="submit">搜索</button></div>
<div class="row">
<label>地区<input name="region" value="{{REGION}}" placeholder="名称或代码，如 河南"></label>
<label>级别<select name="level">{{#LEVEL}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEVEL}}</select></label>
<label>类型<select name="type">{{#TYPE}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TYPE}}</select></label>
<label>年份<input name="year_min" aria-label="起始年份" value="{{YEAR_MIN}}" size="4" inputmode="numeric" placeholder="起">–<input name="year_max" aria-label="截止年份" value="{{YEAR_MAX}}" size="4" inputmode="numeric" placeholder="止"></label>
</div>
</form>
{{#ERROR}}<p class="error">{{MESSAGE}}</p>{{/ERROR}}
{{#RESULTS}}<p class="muted">找到 {{TOTAL}} 篇报告</p>
<ol class="hits" start="{{FIRST}}">{{#HIT}}<li><a class="title" href="{{URL}}">{{TITLE}}</a><span class="meta">{{PLACE}} · {{YEAR}}年{{#DATE}} · {{DATE}}{{/DATE}}</span><p class="snippet">{{#SEG}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#HL}}<em>{{TEXT}}</em>{{/HL}}{{/SEG}}</p></li>{{/HIT}}</ol>
{{>PAGER}}{{/RESULTS}}
{{#HELP}}<p class="muted">多个词之间用空格表示同时包含；用引号搜索词组；OR 表示任一；词前加减号表示排除。</p>{{/HELP}}
{{>FOOT}}
