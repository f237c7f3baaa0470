{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<nav class="crumbs"><a href="/ducha/">督查督办</a> › 单位、账号与公开设置</nav>
<h1>{{PLACE}}：单位、账号与公开设置</h1>
{{#FLASH}}<p class="notice">{{MESSAGE}}</p>{{/FLASH}}
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<h2>单位名单</h2>
{{#NO_UNIT}}<p>还没有单位。</p>{{/NO_UNIT}}
<ul class="chips">{{#UNIT}}<li>{{NAME}}</li>{{/UNIT}}</ul>
<form method="post" action="/ducha/guanli/danwei" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>单位名称（每行一个）<textarea name="names" rows="3" maxlength="3000" required></textarea></label>
<button type="submit">添加单位</button>
</form>
<h2>账号</h2>
<div class="table-scroll"><table class="data"><thead><tr><th>账号</th><th>角色</th><th>所属单位</th><th>状态</th><th></th></tr></thead>
<tbody>{{#ACCOUNT}}<tr><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{UNIT}}</td><td>{{STATE}}</td><td>{{#DISABLE}}<form method="post" action="/ducha/guanli/tingyong" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="name" value="{{NAME}}"><button type="submit" class="quiet">停用</button></form>{{/DISABLE}}</td></tr>{{/ACCOUNT}}</tbody></table></div>
<p class="muted">停用的账号不能再登录，已登录的会话立即失效；为其重设密码即恢复使用。</p>
<form method="post" action="/ducha/guanli/zhanghu" class="filters-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="row"><label>账号<input name="name" maxlength="32" required autocomplete="off"></label>
<label>角色<select name="role">{{#ROLE_OPTION}}<option value="{{KEY}}">{{LABEL}}</option>{{/ROLE_OPTION}}</select></label>
<label>所属单位（承办单位账号）<select name="unit"><option value="">（无）</option>{{#UNIT}}<option value="{{NAME}}">{{NAME}}</option>{{/UNIT}}</select></label>
<label>初始密码<input name="password" type="password" minlength="8" maxlength="256" required autocomplete="new-password"></label></div>
<button type="submit">创建或重设账号</button>
</form>
<h2>向公众公开</h2>
<p>{{#SHOWN}}本级政府的任务台账<b>已公开</b>：公众可在 <a href="/ducha/">督查督办</a> 页查看任务、牵头单位、完成比例和进度灯（不含进展说明、督办单和办理记录）。{{/SHOWN}}{{#HIDDEN}}本级政府的任务台账<b>未公开</b>。{{/HIDDEN}}</p>
<form method="post" action="/ducha/guanli/gongkai" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#SHOWN}}<button type="submit" name="shown" value="0" class="quiet">停止公开</button>{{/SHOWN}}{{#HIDDEN}}<button type="submit" name="shown" value="1">公开任务台账</button>{{/HIDDEN}}
</form>
{{>FOOT}}
