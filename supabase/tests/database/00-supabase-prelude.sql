-- The claim helpers behave as Supabase defines them. Our policies depend on
-- this: if `auth.uid()` did not follow the verified JWT, nothing else would hold.
begin;
select plan(6);

select has_role('anon', 'the anon role exists');
select has_role('authenticated', 'the authenticated role exists');
select has_function('auth', 'uid', 'auth.uid() exists');

select is(auth.uid(), null::uuid, 'no claims: auth.uid() is null');

select set_config('request.jwt.claims', '{"sub":"4f1c1d0e-8d8a-4a54-9a43-1f6f6a0e2b11","role":"authenticated","email":"csm@vendor.example"}', true);
select is(auth.uid(), '4f1c1d0e-8d8a-4a54-9a43-1f6f6a0e2b11'::uuid, 'auth.uid() reads sub from the request claims');
select is(auth.jwt() ->> 'email', 'csm@vendor.example', 'auth.jwt() returns the whole claims object');

select * from finish();
rollback;
