{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<h1>督查督办</h1>
{{#GUEST}}<p>把政府工作报告中的目标任务分解为任务台账：牵头单位按月填报进展，督查室对照序时进度亮绿灯、黄灯、红灯，下发督办单，办结后核验销号，年底生成目标完成对照表。</p>
<p><a class="button" href="/ducha/denglu">督查账号登录</a></p>{{/GUEST}}
{{#USER}}<p class="muted">{{NAME}}，您好（{{ROLE}}{{#UNIT}}：{{NAME}}{{/UNIT}}，{{PLACE}}）。今天是 {{TODAY}}。</p>
<form method="post" action="/ducha/tuichu" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="quiet">退出登录</button></form>
{{#ADMIN}} · <a href="/ducha/guanli">单位、账号与公开设置</a>{{/ADMIN}}
<h2>任务台账</h2>
{{#NO_LEDGER}}<p>本级政府还没有任务台账。</p>{{/NO_LEDGER}}
<ul class="doc-list">{{#LEDGER}}<li><a href="{{URL}}">{{TITLE}}</a> <span class="meta">{{YEAR}}年 · {{TASKS}} 项任务 · {{CREATED}} 由 {{BY}} 创建</span></li>{{/LEDGER}}</ul>
{{#CREATE}}<h2>从政府工作报告生成台账</h2>
{{#NO_REPORT}}<p>档案中还没有本级政府的工作报告。</p>{{/NO_REPORT}}
{{#FORM}}<form method="post" action="/ducha/taizhang" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>报告<select name="document">{{#REPORT}}<option value="{{ID}}">{{TITLE}}</option>{{/REPORT}}</select></label>
<label>台账名称<input name="title" maxlength="100" placeholder="默认：报告标题加“重点任务台账”"></label>
<button type="submit">生成台账</button>
</form>{{/FORM}}{{/CREATE}}{{/USER}}
<h2>公开的任务台账</h2>
{{#NO_PUBLIC}}<p class="muted">目前没有地方政府公开其任务台账。</p>{{/NO_PUBLIC}}
<ul class="doc-list">{{#PUBLIC}}<li><a href="/ducha/gongkai/{{ID}}">{{TITLE}}</a> <span class="meta">{{PLACE}} · {{YEAR}}年 · {{TASKS}} 项任务</span></li>{{/PUBLIC}}</ul>
{{>FOOT}}
