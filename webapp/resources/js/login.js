// After a failed attempt the user name is still there: the password is what to type.
// A file rather than an inline script: the Content-Security-Policy allows scripts from the server only.
(function () {
    var user = document.getElementById('loginForm:username');
    if (user) {
        (user.value ? document.getElementById('loginForm:password') : user).focus();
    }
})();
