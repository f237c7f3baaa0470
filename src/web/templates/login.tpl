{{%AUTOESCAPE context="HTML"}}{{>HEAD}}
<section class="login">
<h1>{{HEADING}}</h1>
{{#ERROR}}<p class="error">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="{{ACTION}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label>用户名<input name="name" autocomplete="username" required></label>
<label>密码<input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">登录</button>
</form>
{{#NOTE}}<p class="muted">{{TEXT}}</p>{{/NOTE}}
</section>
{{>FOOT}}
